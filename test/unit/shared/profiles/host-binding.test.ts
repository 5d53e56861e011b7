import { describe, expect, it } from 'vitest';
import { hostMatches, matchHostBinding, parseHostPattern } from '../../../../shared/profiles';
import { HostPatternSchema } from '../../../../shared/model';

const t = (host: string, port = '443') => ({ host, port });

describe('host binding', () => {
  it('exact names, case and trailing dot ignored, any port when the pattern has none', () => {
    expect(hostMatches('api.example.com', t('API.Example.com'))).toBe(true);
    expect(hostMatches('api.example.com', t('api.example.com.', '8443'))).toBe(true);
    expect(hostMatches('api.example.com', t('api.example.com.evil.net'))).toBe(false);
    expect(hostMatches('api.example.com', t('evilapi.example.com'))).toBe(false);
  });

  it('wildcards cover subdomains at any depth, never the apex or look-alikes', () => {
    expect(hostMatches('*.example.com', t('a.example.com'))).toBe(true);
    expect(hostMatches('*.example.com', t('a.b.example.com'))).toBe(true);
    expect(hostMatches('*.example.com', t('example.com'))).toBe(false);
    expect(hostMatches('*.example.com', t('badexample.com'))).toBe(false);
    expect(hostMatches('*', t('anything.test'))).toBe(true);
  });

  it('ports and IPv6', () => {
    expect(hostMatches('localhost:8080', t('localhost', '8080'))).toBe(true);
    expect(hostMatches('localhost:8080', t('localhost', '8081'))).toBe(false);
    expect(hostMatches('*.example.com:8443', t('a.example.com', '8443'))).toBe(true);
    expect(hostMatches('[::1]:9000', t('[::1]', '9000'))).toBe(true);
    expect(hostMatches('[::1]', t('::1', '1'))).toBe(true);
    expect(parseHostPattern('127.0.0.1:80')).toEqual({ host: '127.0.0.1', port: '80' });
  });

  it('returns the first matching pattern or null', () => {
    expect(matchHostBinding(['a.test', '*.b.test'], t('x.b.test'))).toBe('*.b.test');
    expect(matchHostBinding(['a.test'], t('b.test'))).toBeNull();
  });

  it('the schema accepts the documented forms and refuses URLs and paths', () => {
    for (const ok of ['api.example.com', '*.example.com', 'localhost:8080', '[::1]:443', '*', '127.0.0.1']) expect(HostPatternSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['https://api.example.com', 'api.example.com/v1', 'a.*.com', '', 'host:port']) expect(HostPatternSchema.safeParse(bad).success, bad).toBe(false);
  });
});
