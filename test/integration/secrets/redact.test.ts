import { describe, expect, it } from 'vitest';
import { createRedactor, maskHeaderValue, REDACTED } from '../../../electron/secrets';

describe('redaction', () => {
  it('replaces resolved secret values (plain, URL-encoded, base64) in strings and JSON, keys included', () => {
    const r = createRedactor(['p@ss word!', 'tok-123456', 'ab']);
    expect(r.text('url?k=p%40ss%20word!&t=tok-123456')).toBe(`url?k=${REDACTED}&t=${REDACTED}`);
    const b64 = Buffer.from('p@ss word!').toString('base64');
    expect(r.text(`Basic ${b64}`)).toMatch(new RegExp(`^Basic ${REDACTED}=*$`));
    expect(r.json({ a: ['x tok-123456 y', 1, null], 'tok-123456': true, nested: { ab: 'ab' } })).toEqual({
      a: [`x ${REDACTED} y`, 1, null], [REDACTED]: true, nested: { ab: 'ab' },
    });
  });

  it('masks sensitive headers whatever they hold, keeping the auth scheme', () => {
    expect(maskHeaderValue('Authorization', 'Bearer eyJhbGciOi')).toBe(`Bearer ${REDACTED}`);
    expect(maskHeaderValue('X-Api-Key', 'k1')).toBe(REDACTED);
    expect(maskHeaderValue('Ocp-Apim-Subscription-Key', 'k1')).toBe(REDACTED);
    expect(maskHeaderValue('Accept', 'text/html')).toBe('text/html');
    const r = createRedactor(['tenant-secret']);
    expect(r.tuples([['set-cookie', 'a=1'], ['x-echo', 'got tenant-secret']])).toEqual([['set-cookie', REDACTED], ['x-echo', `got ${REDACTED}`]]);
    expect(r.headers([{ name: 'Cookie', value: 'sid=1', origin: 'user' }])).toEqual([{ name: 'Cookie', value: REDACTED, origin: 'user' }]);
  });
});
