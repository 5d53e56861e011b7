import { describe, expect, it } from 'vitest';
import { rewriteUrl } from '../../../../shared/profiles';

describe('rewriteUrl', () => {
  const gw = { from: 'https://api.example.com', to: 'http://127.0.0.1:8080', prefix: '/v1' };

  it('moves the path under the gateway base and prefix, keeping query and trailing slash', () => {
    const r = rewriteUrl('https://api.example.com/users/7?x=1&y=2', gw, 'kong-dev');
    expect(r).toEqual({
      url: 'http://127.0.0.1:8080/v1/users/7?x=1&y=2', changed: true,
      description: 'Gateway "kong-dev" rewrote https://api.example.com/users/7?x=1&y=2 → http://127.0.0.1:8080/v1/users/7?x=1&y=2 (base https://api.example.com → http://127.0.0.1:8080, prefix /v1)',
    });
    expect(rewriteUrl('https://api.example.com/dir/', gw).url).toBe('http://127.0.0.1:8080/v1/dir/');
    expect(rewriteUrl('https://api.example.com/', gw).url).toBe('http://127.0.0.1:8080/v1/');
    expect(rewriteUrl('https://api.example.com', gw).url).toBe('http://127.0.0.1:8080/v1/');
  });

  it('upstream bases with a path match whole segments only', () => {
    const r = { from: 'https://api.example.com/api/', to: 'https://abc.execute-api.eu-west-1.amazonaws.com', prefix: 'prod' };
    expect(rewriteUrl('https://api.example.com/api/pets?type=dog', r).url).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/prod/pets?type=dog');
    const miss = rewriteUrl('https://api.example.com/apiary', r);
    expect(miss.changed).toBe(false);
    expect(miss.url).toBe('https://api.example.com/apiary');
    expect(miss.description).toContain('not under the upstream base');
  });

  it('other hosts are left alone; default ports and case compare equal', () => {
    expect(rewriteUrl('https://other.example.com/x', gw).changed).toBe(false);
    expect(rewriteUrl('https://API.example.com:443/x', gw).url).toBe('http://127.0.0.1:8080/v1/x');
    expect(rewriteUrl('http://api.example.com/x', gw).changed).toBe(false);
  });

  it('without `from` any URL keeps its path under the gateway; gateway paths join cleanly', () => {
    expect(rewriteUrl('https://whatever.test/a/b', { to: 'https://gw.test/base/', prefix: '/stage/' }).url).toBe('https://gw.test/base/stage/a/b');
    expect(rewriteUrl('https://whatever.test/a', { to: 'https://gw.test', prefix: '' }).url).toBe('https://gw.test/a');
  });

  it('is idempotent: a URL already on the gateway is not rewritten twice', () => {
    const once = rewriteUrl('https://api.example.com/users', gw).url;
    const twice = rewriteUrl(once, gw);
    expect(twice.changed).toBe(false);
    expect(twice.url).toBe(once);
    expect(twice.description).toContain('already targets');
  });

  it('reports invalid URLs instead of throwing', () => {
    expect(rewriteUrl('not a url', gw)).toMatchObject({ changed: false, url: 'not a url' });
    expect(rewriteUrl('https://api.example.com/x', { to: 'ftp://x', prefix: '' }).changed).toBe(false);
  });
});
