import { describe, expect, it } from 'vitest';
import { harEntries } from '../../../renderer/src/features/diagnosis/har-entries';

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });
const entry = (method: string, url: string, status: number) => ({ request: { method, url, headers: [] }, response: { status } });

describe('harEntries', () => {
  it('lists the entries for the same origin and path, numbered from 1 in file order', () => {
    const r = harEntries(har([
      entry('get', 'http://127.0.0.1:9/v1/orders?page=2', 200),
      entry('GET', 'http://127.0.0.1:9/v1/other', 200),
      entry('GET', 'http://elsewhere.test/v1/orders', 200),
      entry('POST', 'http://127.0.0.1:9/v1/orders', 403),
    ]), 'http://127.0.0.1:9/v1/orders');
    expect(r).toEqual({ ok: true, total: 4, samePath: [
      { entry: 1, method: 'GET', url: 'http://127.0.0.1:9/v1/orders?page=2', status: 200 },
      { entry: 4, method: 'POST', url: 'http://127.0.0.1:9/v1/orders', status: 403 },
    ] });
  });

  it('says why a file is not a HAR', () => {
    expect(harEntries('{', 'http://x/')).toMatchObject({ ok: false, error: expect.stringContaining('Not a HAR file') });
    expect(harEntries('{"log":{}}', 'http://x/')).toEqual({ ok: false, error: 'Not a HAR file: it has no log.entries.' });
    expect(harEntries(har([]), 'http://x/')).toEqual({ ok: false, error: 'The HAR has no entries.' });
  });

  it('skips entries without an absolute URL or a response', () => {
    const r = harEntries(har([{ request: { url: '/relative' } }, { request: { url: 'http://x/a' } }]), 'http://x/a');
    expect(r).toEqual({ ok: true, total: 2, samePath: [{ entry: 2, method: 'GET', url: 'http://x/a', status: null }] });
  });
});
