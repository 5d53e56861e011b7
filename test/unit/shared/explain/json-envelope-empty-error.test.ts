// A success answer's JSON envelope with an empty error field ("error": null, false, "", [], {}) is no
// refusal, whatever its message mentions; a filled one beside denial words still is (json-envelope.ts).
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';

const ok = (body: object): boolean => explain({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).blocked;

describe('a 200 JSON envelope whose error field is empty', () => {
  it.each([null, false, '', [], {}])('error: %j is not a refusal', (empty) => {
    expect(ok({ error: empty, message: 'Authentication failed events: 0', data: { count: 0 } })).toBe(false);
    expect(ok({ errors: empty, message: 'Access denied attempts today: 3' })).toBe(false);
  });

  it('a filled error field with denial words still is', () => {
    expect(ok({ error: 'forbidden', message: 'Access denied: this key may not call this method' })).toBe(true);
    expect(ok({ errors: [{ message: 'Permission denied for this resource' }], data: null })).toBe(true);
  });
});
