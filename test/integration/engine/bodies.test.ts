import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { closePools, send } from '../../../electron/engine';
import { readBody, startHttp, type TestServer } from '../../support/servers';
import { failureOf } from '../../support/failure';

let server: TestServer;
let got: { method: string; headers: IncomingHttpHeaders; body: Buffer } | undefined;
let dir: string;
const binary = randomBytes(300_000);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clearance-bodies-test-'));
  writeFileSync(join(dir, 'blob.bin'), binary);
  writeFileSync(join(dir, 'note.txt'), 'file text\r\n--not-a-boundary\r\n');
  server = await startHttp(async (req, res) => {
    const body = await readBody(req);
    got = { method: req.method!, headers: req.headers, body };
    if (req.url === '/binary') {
      res.setHeader('Content-Type', 'application/octet-stream');
      res.end(Buffer.from([0, 1, 2, 255, 254]));
    } else if (req.url === '/latin') {
      res.end(Buffer.from([0xe9, 0x41]));
    } else {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ n: body.length }));
    }
  });
});
afterAll(async () => {
  await closePools();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('request bodies', () => {
  it('json: sends the text with application/json unless the user set a type', async () => {
    const rec = await send({ method: 'POST', url: server.url, body: { kind: 'json', text: '{"a":"é"}' } });
    expect(got!.body.toString()).toBe('{"a":"é"}');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(got!.headers['content-length']).toBe(String(Buffer.byteLength('{"a":"é"}')));
    expect(rec.wire.bodyBytes).toBe(Buffer.byteLength('{"a":"é"}'));
    expect(rec.wire.headers.find((h) => h.name === 'Content-Type')!.origin).toBe('computed');
    await send({ method: 'PUT', url: server.url, headers: [{ name: 'Content-Type', value: 'application/vnd.api+json' }], body: { kind: 'json', text: '{}' } });
    expect(got!.headers['content-type']).toBe('application/vnd.api+json');
    expect(got!.method).toBe('PUT');
  });

  it('text with its content type', async () => {
    await send({ method: 'POST', url: server.url, body: { kind: 'text', text: 'line1\nline2', contentType: 'text/csv' } });
    expect(got!.body.toString()).toBe('line1\nline2');
    expect(got!.headers['content-type']).toBe('text/csv');
    await send({ method: 'POST', url: server.url, body: { kind: 'text', text: 'x' } });
    expect(got!.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('form: url-encodes enabled fields', async () => {
    await send({ method: 'POST', url: server.url, body: { kind: 'form', fields: [
      { name: 'a b', value: 'c&d=e' }, { name: 'skip', value: '1', enabled: false }, { name: 'u', value: 'é+' }] } });
    expect(got!.body.toString()).toBe('a+b=c%26d%3De&u=%C3%A9%2B');
    expect(got!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(got!.body.toString()).get('a b')).toBe('c&d=e');
  });

  it('multipart: text parts and files streamed from disk, byte for byte', async () => {
    const rec = await send({ method: 'POST', url: server.url, body: { kind: 'multipart', parts: [
      { name: 'field', value: 'hello' },
      { name: 'off', value: 'x', enabled: false },
      { name: 'doc', file: join(dir, 'note.txt'), contentType: 'text/plain' },
      { name: 'blob', file: join(dir, 'blob.bin'), filename: 'data.bin' },
    ] } });
    const type = got!.headers['content-type']!;
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(got!.headers['content-length']).toBe(String(got!.body.length));
    expect(rec.wire.bodyBytes).toBe(got!.body.length);
    // parse it back with the platform's own multipart parser
    const form = await new Response(new Uint8Array(got!.body), { headers: { 'content-type': type } }).formData();
    expect(form.get('field')).toBe('hello');
    expect(form.has('off')).toBe(false);
    const doc = form.get('doc') as File;
    expect(doc.name).toBe('note.txt');
    expect(doc.type).toBe('text/plain');
    expect(await doc.text()).toBe('file text\r\n--not-a-boundary\r\n');
    const blob = form.get('blob') as File;
    expect(blob.name).toBe('data.bin');
    expect(Buffer.from(await blob.arrayBuffer()).equals(binary)).toBe(true);
  });

  it('binary: streams the file with Content-Length from stat', async () => {
    const rec = await send({ method: 'PUT', url: server.url, body: { kind: 'binary', file: join(dir, 'blob.bin') } });
    expect(got!.body.equals(binary)).toBe(true);
    expect(got!.headers['content-length']).toBe(String(binary.length));
    expect(got!.headers['transfer-encoding']).toBeUndefined();
    expect(got!.headers['content-type']).toBe('application/octet-stream');
    expect(rec.wire.bodyBytes).toBe(binary.length);
  });

  it('missing files fail with file-not-found before anything is sent', async () => {
    const before = server.connections;
    await closePools();
    const f = await failureOf(send({ method: 'POST', url: server.url, body: { kind: 'binary', file: join(dir, 'nope.bin') } }), 'file-not-found');
    expect(f.message).toContain('nope.bin');
    await failureOf(send({ method: 'POST', url: server.url, body: { kind: 'multipart', parts: [{ name: 'f', file: join(dir, 'gone.txt') }] } }), 'file-not-found');
    expect(server.connections).toBe(before);
  });

  it('response bodies: text as utf8, binary as base64', async () => {
    const json = await send({ method: 'GET', url: server.url });
    expect(json.body).toEqual({ kind: 'inline', encoding: 'utf8', data: '{"n":0}' });
    expect(json.contentType).toBe('application/json');
    const bin = await send({ method: 'GET', url: `${server.url}/binary` });
    expect(bin.body).toEqual({ kind: 'inline', encoding: 'base64', data: Buffer.from([0, 1, 2, 255, 254]).toString('base64') });
    expect(bin.size.bodyDecoded).toBe(5);
    const latin = await send({ method: 'GET', url: `${server.url}/latin` });
    expect(latin.body.encoding).toBe('base64');
  });
});
