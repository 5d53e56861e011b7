import { describe, expect, it } from 'vitest';
import type { RequestFile } from '../../../../shared/model';
import { MAX_DEPTH, resolveRequest, unresolvedMessage, type DynamicSources, type Scopes } from '../../../../shared/variables';

const fixed: DynamicSources = { random: () => 0.5, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };
const req = (over: Partial<RequestFile> = {}): RequestFile => ({ name: 'r', method: 'GET', url: 'https://{{host}}/v1', ...over });

describe('resolveRequest', () => {
  it('looks names up request > folder (innermost first) > collection > environment > global, runtime over all', () => {
    const scopes: Scopes = {
      global: { a: 'global', b: 'global', c: 'global', d: 'global', e: 'global', f: 'global', host: 'h' },
      environment: { a: 'env', b: 'env', c: 'env', d: 'env', e: 'env' },
      collection: { a: 'coll', b: 'coll', c: 'coll', d: 'coll' },
      folders: [{ a: 'inner', b: 'inner' }, { a: 'outer', b: 'outer', c: 'outer' }],
      request: { a: 'req' },
      runtime: { f: 'run' },
    };
    const r = resolveRequest(req({ url: 'https://{{host}}/{{a}}/{{b}}/{{c}}/{{d}}/{{e}}/{{f}}' }), scopes, {}, fixed);
    expect(r.request.url).toBe('https://h/req/inner/outer/coll/env/run');
    expect(r.unresolved).toEqual([]);
    expect(r.used).toContainEqual({ name: 'a', scope: 'request' });
    expect(r.used).toContainEqual({ name: 'c', scope: 'folder' });
    expect(r.used).toContainEqual({ name: 'e', scope: 'environment' });
    expect(r.used).toContainEqual({ name: 'f', scope: 'runtime' });
    expect(r.used).toContainEqual({ name: 'host', scope: 'global' });
  });

  it('gives deterministic dynamic values from the injected sources, one value per request', () => {
    const r = resolveRequest(req({ url: 'http://x/{{$uuid}}/{{$uuid}}', headers: [
      { name: 'ts', value: '{{$timestamp}}', enabled: true },
      { name: 'iso', value: '{{ $isoTimestamp }}', enabled: true },
      { name: 'n', value: '{{$randomInt}}', enabled: true }] }), {}, {}, fixed);
    const [, , , a, b] = r.request.url.split('/');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toBe(a);
    expect(r.request.headers.map((h) => h.value)).toEqual([String(Date.UTC(2026, 0, 2, 3, 4, 5) / 1000), '2026-01-02T03:04:05.000Z', '500']);
  });

  it('resolves nested references and reports a cycle and a too-deep chain clearly', () => {
    const ok = resolveRequest(req({ url: '{{base}}/x' }), { environment: { base: 'https://{{host}}:{{port}}', host: 'api', port: '8443' } }, {}, fixed);
    expect(ok.request.url).toBe('https://api:8443/x');
    const cyc = resolveRequest(req({ url: '{{a}}' }), { environment: { a: '{{b}}', b: '{{a}}' } }, {}, fixed);
    expect(cyc.unresolved[0]).toMatchObject({ name: 'a', where: 'url' });
    expect(cyc.unresolved[0]!.reason).toContain('circular reference: a -> b -> a');
    const chain: Record<string, string> = {};
    for (let i = 0; i <= MAX_DEPTH + 2; i++) chain[`v${i}`] = `{{v${i + 1}}}`;
    const deep = resolveRequest(req({ url: '{{v0}}' }), { environment: chain }, {}, fixed);
    expect(deep.unresolved[0]!.reason).toContain(`nested more than ${MAX_DEPTH} levels deep`);
  });

  it('names every unresolved variable and where it was used, keeping {{name}} in the preview', () => {
    const r = resolveRequest(req({
      url: 'https://{{host}}/{{path}}',
      params: [{ name: 'q', value: '{{query}}', enabled: true }, { name: 'off', value: '{{ignored}}', enabled: false }],
      headers: [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }],
      body: { kind: 'json', text: '{"t":"{{token}}"}' },
    }), { environment: { host: 'h' }, missing: { apiKey: 'secret apiKey is not in the keychain' } }, {}, fixed);
    expect(r.request.url).toBe('https://h/{{path}}');
    expect(r.unresolved.map((u) => [u.name, u.where])).toEqual([['path', 'url'], ['query', 'param q'], ['apiKey', 'header X-Api-Key'], ['token', 'body']]);
    expect(r.unresolved[2]!.reason).toBe('secret apiKey is not in the keychain');
    expect(unresolvedMessage(r.unresolved)).toContain('unresolved variable {{path}} in url');
    expect(r.unresolved.some((u) => u.name === 'ignored')).toBe(false);
    expect(resolveRequest(req({ url: '{{$nope}}' }), {}, {}, fixed).unresolved[0]!.reason).toContain('unknown dynamic variable');
  });

  it('merges folder and collection default headers (request wins, inner folder over outer) with their origin', () => {
    const r = resolveRequest(req({ url: 'http://x', headers: [{ name: 'accept', value: 'text/plain', enabled: true }], key: undefined }), { environment: { t: 'T' } }, {
      collection: { headers: [{ name: 'Accept', value: 'application/json', enabled: true }, { name: 'X-Team', value: 'core', enabled: true },
        { name: 'X-Trace', value: 'coll', enabled: true }], key: 'team-key', gateway: 'kong' },
      folders: [{ headers: [{ name: 'x-trace', value: '{{t}}', enabled: true }, { name: 'X-Off', value: '1', enabled: false }], gateway: 'direct' }],
    }, fixed);
    expect(r.request.headers).toEqual([{ name: 'accept', value: 'text/plain', enabled: true }]);
    expect(r.injectedHeaders).toEqual([
      { name: 'X-Team', value: 'core', origin: 'collection' },
      { name: 'x-trace', value: 'T', origin: 'folder' },
    ]);
    expect(r.key).toBe('team-key');
    expect(r.gateway).toBe('direct');
  });

  it('resolves form fields, multipart parts and file paths', () => {
    const r = resolveRequest(req({ url: 'http://x', method: 'POST', body: { kind: 'multipart', parts: [{ name: 'f', file: '{{dir}}/a.bin', enabled: true }, { name: 'v', value: '{{dir}}', enabled: true }] } }),
      { environment: { dir: '/tmp' } }, {}, fixed);
    expect(r.request.body).toEqual({ kind: 'multipart', parts: [{ name: 'f', file: '/tmp/a.bin', enabled: true }, { name: 'v', value: '/tmp', enabled: true }] });
    const f = resolveRequest(req({ url: 'http://x', body: { kind: 'form', fields: [{ name: 'u', value: '{{nope}}', enabled: true }] } }), {}, {}, fixed);
    expect(f.unresolved[0]).toMatchObject({ name: 'nope', where: 'form field u' });
  });
});
