import type { Body, BodyKind, RequestSpecInput } from '../../../../shared/model';
import type { KvRow } from '../../ui';
import { newId } from '../../lib/id';

export interface PartRow extends KvRow {
  /** When true, `value` is a file path whose bytes are sent as the part. */
  isFile: boolean;
}

export interface BodyDraft {
  kind: BodyKind;
  json: string;
  text: string;
  textContentType: string;
  form: KvRow[];
  multipart: PartRow[];
  binaryFile: string;
  binaryContentType: string;
}

export type EditorSection = 'params' | 'headers' | 'body';

/** One tab's request as edited; every body kind keeps its content while the user switches kinds. */
export interface Draft {
  id: string;
  method: string;
  url: string;
  params: KvRow[];
  headers: KvRow[];
  body: BodyDraft;
  section: EditorSection;
}

export function emptyDraft(): Draft {
  return {
    id: newId('tab'),
    method: 'GET',
    url: '',
    params: [],
    headers: [],
    body: { kind: 'none', json: '{\n  \n}', text: '', textContentType: 'text/plain', form: [], multipart: [], binaryFile: '', binaryContentType: '' },
    section: 'params',
  };
}

const named = (r: KvRow) => r.enabled && r.name.trim().length > 0;

function toBody(b: BodyDraft): Body {
  switch (b.kind) {
    case 'none': return { kind: 'none' };
    case 'json': return { kind: 'json', text: b.json };
    case 'text': return { kind: 'text', text: b.text, contentType: b.textContentType || undefined };
    case 'form': return { kind: 'form', fields: b.form.filter(named) };
    case 'multipart':
      return { kind: 'multipart', parts: b.multipart.filter(named).map((p) =>
        (p.isFile ? { name: p.name, file: p.value, enabled: true } : { name: p.name, value: p.value, enabled: true })) };
    case 'binary': return { kind: 'binary', file: b.binaryFile, contentType: b.binaryContentType || undefined };
  }
}

/** Adds http:// when the user typed a bare host, as Postman does. */
export function normaliseUrl(url: string): string {
  const u = url.trim();
  if (u === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(u) || u.startsWith('{{')) return u;
  return `http://${u}`;
}

/** What goes to requests.send. The URL already carries the enabled params (they are kept in sync). */
export function toRequestSpec(d: Draft): RequestSpecInput {
  return {
    method: d.method,
    url: normaliseUrl(d.url),
    params: [],
    headers: d.headers.filter(named),
    body: toBody(d.body),
  };
}

/** Short tab title: method + last path segment or host. */
export function draftTitle(d: Draft): string {
  const u = d.url.trim();
  if (!u) return 'Untitled request';
  const noQuery = u.split(/[?#]/)[0] ?? u;
  const path = noQuery.replace(/^[a-z]+:\/\//i, '');
  const segs = path.split('/').filter(Boolean);
  return segs.length > 1 ? `/${segs[segs.length - 1]}` : (segs[0] ?? u);
}
