// The request's host names the service only when the response names no layer: a bare 403 from
// api.github.com is GitHub's, but a Cloudflare or Squid page in front keeps its own name.
import { describe, expect, it } from 'vitest';
import { explain, producerById } from '../../../../shared/explain/index';
import { hostOf, producerForHost } from '../../../../shared/explain/host-hint';
import { API_HOSTS } from '../../../../shared/explain/producers/api-hosts';
import { loadCorpus } from './corpus';

const bare = { status: 403, headers: { 'content-length': '0' }, body: '' };

describe('explain: the request host as a last producer hint', () => {
  it('names the service of a bare 403 by its API host, and says that is all it went on', () => {
    const e = explain({ ...bare, url: 'https://api.github.com/repos/acme/app/actions/runs' });
    expect(e.blocked).toBe(true);
    expect(e.producer?.id).toBe('github-api');
    expect(e.why).toContain("named only by the request's host api.github.com");
    expect(e.producer?.namedBy).toBe('host');
    expect(explain(bare).producer).toBeNull();
  });

  it('never outranks a layer the response names itself', () => {
    const cloudflare = {
      status: 403,
      headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-AMS', 'content-type': 'text/html' },
      body: '<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>Error code 1020',
    };
    const squid = { status: 403, headers: { server: 'squid/5.7', 'x-squid-error': 'ERR_ACCESS_DENIED 0' }, body: '' };
    expect(explain({ ...cloudflare, url: 'https://api.openai.com/v1/models' }).producer).toMatchObject({ id: 'cloudflare', namedBy: 'response' });
    expect(explain({ ...squid, url: 'https://api.stripe.com/v1/charges' }).producer?.id).toBe('squid');
  });

  it('gives the same explanation as without a URL whenever the response names its producer', () => {
    const changed = loadCorpus().flatMap((f) => {
      const without = explain(f.response);
      if (!without.producer) return [];
      const withUrl = explain({ ...f.response, url: 'https://api.github.com/user' });
      return JSON.stringify(withUrl) === JSON.stringify(without) ? [] : [f.file];
    });
    expect(changed).toEqual([]);
  });

  it('never turns an ordinary answer into a refusal', () => {
    const e = explain({ status: 404, headers: { 'content-type': 'application/json' }, body: '{"message":"Not Found"}', url: 'https://api.github.com/repos/a/b' });
    expect(e.blocked).toBe(false);
    expect(e.cause).toBe('none');
  });

  it('reads regional and bucket hosts, and puts specific hosts before their umbrella', () => {
    const cases: Array<[string, string | null]> = [
      ['https://my-bucket.s3.eu-west-1.amazonaws.com/k', 'aws-s3'],
      ['https://s3.amazonaws.com/my-bucket/k', 'aws-s3'],
      ['https://abc123.execute-api.us-east-1.amazonaws.com/prod/items', 'aws-api-gateway'],
      ['https://sqs.us-east-1.amazonaws.com/', 'aws-services'],
      ['https://storage.googleapis.com/b/o', 'google-cloud-storage'],
      ['https://generativelanguage.googleapis.com/v1beta/models', 'google-apis'],
      ['https://acct.blob.core.windows.net/c/b', 'azure-blob-storage'],
      ['https://qyapi.weixin.qq.com/cgi-bin/gettoken', 'wecom-api'],
      ['api.openai.com/v1/chat/completions', 'openai-api'],
      ['HTTPS://API.GITHUB.COM./user', 'github-api'],
      ['https://myorg.crm4.dynamics.com/api/data/v9.2/accounts', 'microsoft-dataverse'],
      ['https://api-eu.pusher.com/apps/1/events', 'pusher-channels'],
      // round 11: AppSync before the amazonaws.com umbrella, tenant hosts by pattern
      ['https://abcdefghij.appsync-api.eu-west-1.amazonaws.com/graphql', 'aws-appsync'],
      ['https://abc12345.live.dynatrace.com/api/v2/metrics', 'dynatrace-api'],
      ['https://chromium-review.googlesource.com/a/changes/', 'gerrit'],
      ['https://chromium.googlesource.com/chromium/src', null],
      ['https://logs-prod-012.grafana.net/loki/api/v1/push', 'grafana-loki'],
      ['https://api.gemini.com/v1/order/new', 'gemini-exchange-api'],
    ];
    for (const [url, id] of cases) expect([url, explain({ ...bare, url }).producer?.id ?? null]).toEqual([url, id]);
  });

  it('matches whole host labels only, and ignores what is not a URL', () => {
    for (const url of ['https://github.com.evil.example/x', 'https://notapi.github.com/', 'https://api.github.company.io/', 'http://[::1', 'not a url at all ::', '']) {
      expect([url, explain({ ...bare, url }).producer]).toEqual([url, null]);
    }
    expect(hostOf('http://[::1')).toBeNull();
    expect(producerForHost('example.org')).toBeNull();
  });

  it('lists only registered producers, each once', () => {
    const ids = API_HOSTS.map(([id]) => id);
    expect(ids.filter((id) => !producerById(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('hostOf', () => {
  it('reads the host of URLs and bare hosts, and nothing else', () => {
    expect(hostOf('https://user:pw@Api.Example.com:8443/p?q#f')).toBe('api.example.com');
    expect(hostOf('api.example.com/v1')).toBe('api.example.com');
    expect(hostOf('localhost:3000')).toBeNull(); // one label names no public service
    expect(hostOf('a..b')).toBeNull();
    // a long run of label characters with no match at the end returns at once (linear pattern)
    expect(hostOf(`${'a'.repeat(5000)}!`)).toBeNull();
  });
});
