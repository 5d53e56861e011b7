import type { Body, BodyKind, RequestFile, RequestSpec, RequestSpecInput, SendOptionsInput } from '../../../../shared/model';
import type { KvRow } from '../../ui';
import { newId } from '../../lib/id';

export interface PartRow extends KvRow {
  /** When true, `value` is a file path whose bytes are sent as the part. */
  isFile: boolean;
  /** Kept from an imported request (curl -F 'f=@a;type=…;filename=…'); not editable yet. */
  contentType?: string;
  filename?: string;
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

export type EditorSection = 'params' | 'headers' | 'body' | 'profiles';

/** A message under the URL bar: parser warnings and errors from a pasted curl command, or copy feedback. */
export interface DraftNotice {
  tone: 'info' | 'warning' | 'error';
  title: string;
  messages: string[];
  /** a button in the notice (Open folder) */
  action?: { label: string; run(): void };
}

/** The workspace file a tab edits: what was last read or saved, and whether the disk moved on under unsaved edits. */
export interface FileLink {
  /** relative to the workspace root, with '/' */
  path: string;
  /** content version from readRequest/saveRequest: saves send it as baseVersion */
  version: string;
  /** the file as last read or saved: edits are compared with it (dirty) and merged into it (save) */
  saved: RequestFile;
  /** the file changed on disk while this tab had unsaved edits */
  conflict: string | null;
}

/** One tab's request as edited; every body kind keeps its content while the user switches kinds. */
export interface Draft {
  id: string;
  method: string;
  url: string;
  params: KvRow[];
  headers: KvRow[];
  body: BodyDraft;
  section: EditorSection;
  /** Send options that came with a pasted curl command (-k, -L, -x, -m, --connect-to…); `{}` means defaults. */
  options: SendOptionsInput;
  notice: DraftNotice | null;
  /** set when the tab edits a workspace request file */
  file: FileLink | null;
  /** the request file's own `key:` / `gateway:` profile names ('' = inherit from folder/collection) */
  profiles: { key: string; gateway: string };
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
    options: {},
    notice: null,
    file: null,
    profiles: { key: '', gateway: '' },
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
      return { kind: 'multipart', parts: b.multipart.filter(named).map((p) => ({
        name: p.name, enabled: true, ...(p.isFile ? { file: p.value } : { value: p.value }),
        ...(p.contentType !== undefined && { contentType: p.contentType }),
        ...(p.filename !== undefined && { filename: p.filename }) })) };
    case 'binary': return { kind: 'binary', file: b.binaryFile, contentType: b.binaryContentType || undefined };
  }
}

/** Adds http:// when the user typed a bare host, as Postman does. */
export function normaliseUrl(url: string): string {
  const u = url.trim();
  if (u === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(u) || u.startsWith('{{')) return u;
  return `http://${u}`;
}

/** An imported body (curl, history) as editor state; the other kinds keep their current content. */
export function bodyDraftFrom(body: RequestSpecInput['body'], base: BodyDraft): BodyDraft {
  if (body === undefined) return base;
  switch (body.kind) {
    case 'none': return { ...base, kind: 'none' };
    case 'json': return { ...base, kind: 'json', json: body.text };
    case 'text': return { ...base, kind: 'text', text: body.text, textContentType: body.contentType ?? base.textContentType };
    case 'form': return { ...base, kind: 'form', form: body.fields.map((f) => ({ name: f.name, value: f.value, enabled: f.enabled ?? true })) };
    case 'multipart':
      return { ...base, kind: 'multipart', multipart: body.parts.map((p) => ({
        name: p.name, value: p.file ?? p.value ?? '', enabled: p.enabled ?? true, isFile: p.file !== undefined,
        ...(p.contentType !== undefined && { contentType: p.contentType }),
        ...(p.filename !== undefined && { filename: p.filename }) })) };
    case 'binary': return { ...base, kind: 'binary', binaryFile: body.file, binaryContentType: body.contentType ?? '' };
  }
}

/** What goes to requests.send. The URL already carries the enabled params (they are kept in sync). */
export function toRequestSpec(d: Draft): RequestSpec {
  return {
    method: d.method,
    url: normaliseUrl(d.url),
    params: [],
    headers: d.headers.filter(named).map((h) => ({ name: h.name, value: h.value, enabled: true })),
    body: toBody(d.body),
  };
}

/** Short tab title: method + last path segment or host. */
export function draftTitle(d: Draft): string {
  if (d.file) return d.file.saved.name;
  const u = d.url.trim();
  if (!u) return 'Untitled request';
  const noQuery = u.split(/[?#]/)[0] ?? u;
  const path = noQuery.replace(/^[a-z]+:\/\//i, '');
  const segs = path.split('/').filter(Boolean);
  return segs.length > 1 ? `/${segs[segs.length - 1]}` : (segs[0] ?? u);
}

/** A tab not backed by a file that holds something worth keeping (a URL, a header or a body). */
export function isScratchEdited(d: Draft): boolean {
  return !d.file && (d.url.trim() !== '' || d.headers.some(named) || d.body.kind !== 'none');
}

/** The name a new request file is offered: method + URL path (`GET /orders/42`). */
export function suggestedName(d: Draft): string {
  const u = d.url.trim();
  if (!u) return 'New request';
  const noQuery = u.split(/[?#]/)[0] ?? u;
  const path = noQuery.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\{\{[^}]*\}\}/, '').replace(/^[^/]+/, '');
  return `${d.method} ${path || '/'}`;
}
