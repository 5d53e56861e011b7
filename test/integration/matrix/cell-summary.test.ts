// A refused cell keeps its response in brief; the cell's secrets are masked before the cut, so a
// secret that straddles the cut is not left half in clear.
import { describe, expect, it } from 'vitest';
import { responseCell } from '../../../electron/matrix/cell';
import type { ResponseRecord } from '../../../shared/model';

const SECRET = 'sk-live-0123456789abcdef';

function record(body: string, headerValue: string): ResponseRecord {
  return {
    status: 403, statusText: 'Forbidden', httpVersion: '1.1',
    headers: [['content-type', 'text/plain'], ['x-echo', headerValue]],
    body: { kind: 'inline', encoding: 'utf8', data: body },
    contentType: 'text/plain',
    size: { headers: 0, bodyWire: body.length, bodyDecoded: body.length },
    timings: { dns: null, connect: null, tls: null, firstByte: 1, download: 1, total: 2 },
    wire: { method: 'GET', url: 'http://127.0.0.1/', headers: [] } as unknown as ResponseRecord['wire'],
    redirects: [], timeline: [], remoteAddress: null, url: 'http://127.0.0.1/',
  };
}

const mask = (s: string): string => s.split(SECRET).join('••••');

describe('a refused matrix cell', () => {
  it('masks a secret that straddles the body and header cuts', () => {
    // The secret starts 10 characters before each cut (600 for the body, 300 for a header value).
    const body = `Forbidden: ${'x'.repeat(600 - 11 - 10)}${SECRET} and more`;
    const header = `${'y'.repeat(300 - 10)}${SECRET}`;
    const cell = responseCell(record(body, header), 3, mask);
    expect(cell.refused).toBe(true);
    const kept = JSON.stringify(cell.response);
    expect(kept).not.toContain(SECRET.slice(0, 10));
    expect(cell.response?.body).toContain('••••');
  });
});
