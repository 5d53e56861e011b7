// A workspace request file <-> a tab's draft. Only what the editor edits is replaced on save
// (method, URL, params, headers, body); everything else in the file is kept as it was, so editing
// one header value changes exactly one line on disk.
import type { Body, KeyValue, RequestFile, RequestOptionsFile, SendOptionsInput } from '../../../../shared/model';
import { loadedSchemas } from '../../platform';
import type { KvRow } from '../../ui';
import { withQuery } from '../../lib/url-query';
import { bodyDraftFrom, emptyDraft, normaliseUrl, type BodyDraft, type Draft } from './draft';

const rowsOf = (kv: KeyValue[] | undefined): KvRow[] => (kv ?? []).map((r) => ({ name: r.name, value: r.value, enabled: r.enabled ?? true }));
const kept = (rows: KvRow[]): KeyValue[] => rows.filter((r) => r.name.trim() || r.value).map((r) => ({ name: r.name, value: r.value, enabled: r.enabled }));

/** A draft showing the file; the URL carries the enabled params, as the editor keeps them in sync. */
export function draftFromFile(file: RequestFile, link: Draft['file'], base: Draft = emptyDraft()): Draft {
  const params = rowsOf(file.params);
  return {
    ...base,
    method: file.method,
    url: params.length ? withQuery(file.url, params) : file.url,
    params,
    headers: rowsOf(file.headers),
    body: bodyDraftFrom(file.body, emptyDraft().body),
    file: link,
    notice: null,
    profiles: { key: file.key ?? '', gateway: file.gateway ?? '' },
    // The file's switched-off default headers show (and toggle) under Headers like a scratch tab's.
    options: file.options?.omitDefaultHeaders ? { ...base.options, omitDefaultHeaders: [...file.options.omitDefaultHeaders] } : withoutOmit(base.options),
  };
}

function withoutOmit(o: SendOptionsInput): SendOptionsInput {
  const { omitDefaultHeaders: _omit, ...rest } = o;
  return rest;
}

/** The file's options with the tab's switched-off default headers (none: the key goes). */
function optionsWithOmit(saved: RequestFile['options'], omit: SendOptionsInput['omitDefaultHeaders']): RequestFile['options'] {
  if (omit === undefined) return saved;
  const { omitDefaultHeaders: _old, ...rest } = saved ?? {};
  const out = { ...rest, ...(omit.length ? { omitDefaultHeaders: [...omit] } : {}) };
  return Object.keys(out).length ? out : undefined;
}

function fileBody(b: BodyDraft, saved: Body | undefined): Body | undefined {
  switch (b.kind) {
    case 'none': return saved === undefined ? undefined : { kind: 'none' };
    case 'json': return { kind: 'json', text: b.json };
    case 'text': {
      const keepType = (saved?.kind === 'text' && saved.contentType !== undefined) || (b.textContentType !== '' && b.textContentType !== 'text/plain');
      return { kind: 'text', text: b.text, ...(keepType ? { contentType: b.textContentType } : {}) };
    }
    case 'form': return { kind: 'form', fields: kept(b.form) };
    case 'multipart':
      return { kind: 'multipart', parts: b.multipart.filter((p) => p.name.trim()).map((p) => ({
        name: p.name, ...(p.isFile ? { file: p.value } : { value: p.value }),
        ...(p.filename !== undefined && { filename: p.filename }), ...(p.contentType !== undefined && { contentType: p.contentType }),
        enabled: p.enabled })) };
    case 'binary': return { kind: 'binary', file: b.binaryFile, ...(b.binaryContentType ? { contentType: b.binaryContentType } : {}) };
  }
}

/** The file to save: the saved file with the editor's fields replaced. */
export function fileFromDraft(d: Draft, saved: RequestFile): RequestFile {
  const params = kept(d.params);
  const separateParams = saved.params !== undefined || params.some((p) => !p.enabled);
  const headers = kept(d.headers);
  const body = fileBody(d.body, saved.body);
  const { params: _p, headers: _h, body: _b, key: _k, gateway: _g, options: savedOptions, ...rest } = saved;
  const options = optionsWithOmit(savedOptions, d.options?.omitDefaultHeaders);
  const key = d.profiles?.key.trim() ?? '';
  const gateway = d.profiles?.gateway.trim() ?? '';
  return {
    ...rest,
    ...(key ? { key } : {}),
    ...(gateway ? { gateway } : {}),
    method: d.method,
    url: separateParams ? withQuery(d.url, []) : d.url,
    ...(separateParams && (params.length || saved.params) ? { params } : {}),
    ...(headers.length || saved.headers ? { headers } : {}),
    ...(body ? { body } : {}),
    ...(options ? { options } : {}),
  };
}

/** Drops empty objects and arrays, so only the options a curl command really set reach the file. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v : undefined;
  if (v === null || typeof v !== 'object') return v;
  const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, prune(x)]).filter(([, x]) => x !== undefined));
  return Object.keys(out).length ? out : undefined;
}

export function optionsFile(o: SendOptionsInput): RequestOptionsFile | undefined {
  const pruned = prune(o);
  if (pruned === undefined) return undefined;
  // Before the schemas load (no backend reply yet) the options go as given, as when they do not parse.
  const parsed = loadedSchemas()?.RequestOptionsFileSchema.safeParse(pruned);
  return parsed?.success ? parsed.data : (pruned as RequestOptionsFile);
}

/** A new request file for a scratch tab: the editor's fields and the send options a pasted curl set. */
export function newFileFromDraft(d: Draft, name: string): RequestFile {
  const file = fileFromDraft({ ...d, url: normaliseUrl(d.url) }, { name, method: d.method, url: '' });
  const options = optionsFile(d.options);
  return options ? { ...file, options } : file;
}

function canonical(f: RequestFile): string {
  // A tab holds a file only after the backend's reply, and every reply waits for the schemas: they are here.
  const parsed = loadedSchemas()?.RequestFileSchema.safeParse(f);
  return JSON.stringify(parsed?.success ? parsed.data : f);
}

/** The tab holds edits the file on disk does not have. */
export function isDraftDirty(d: Draft): boolean {
  if (!d.file) return false;
  return canonical(fileFromDraft(d, d.file.saved)) !== canonical(d.file.saved);
}
