// Request → code in other languages via httpsnippet (from a HAR request).
import type { Collection } from '../../shared/model/collection';
import type { RequestSpec } from '../../shared/model/request';
import type { SendOptionsInput } from '../../shared/model/send-options';
import { urlWithParams } from '../../shared/curl';
import type { ExportText } from './curl';
import { entries, exportSpec, prepareForExport, type ExportOptions } from './prepare';

/** `snippet:<name>` → httpsnippet target and client. */
export const SNIPPET_TARGETS: Record<string, [target: string, client: string]> = {
  curl: ['shell', 'curl'], python: ['python', 'requests'], javascript: ['javascript', 'fetch'], node: ['node', 'fetch'],
  go: ['go', 'native'], java: ['java', 'okhttp'], csharp: ['csharp', 'httpclient'], php: ['php', 'guzzle'], ruby: ['ruby', 'native'],
  kotlin: ['kotlin', 'okhttp'], swift: ['swift', 'urlsession'], powershell: ['powershell', 'webrequest'], http: ['http', 'http1.1'],
};

const FORM = 'application/x-www-form-urlencoded';

type HarPostData = { mimeType: string; text?: string; params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string }> };

export function toHarRequest(spec: RequestSpec) {
  const headers = spec.headers.filter((h) => h.enabled).map((h) => ({ name: h.name, value: h.value }));
  const has = (n: string): boolean => headers.some((h) => h.name.toLowerCase() === n);
  let postData: HarPostData | undefined;
  const b = spec.body;
  const contentType = (ct: string): void => { if (!has('content-type')) headers.push({ name: 'Content-Type', value: ct }); };
  if (b.kind === 'json') { postData = { mimeType: 'application/json', text: b.text }; contentType('application/json'); }
  else if (b.kind === 'text') { postData = { mimeType: b.contentType ?? 'text/plain', text: b.text }; contentType(b.contentType ?? 'text/plain'); }
  else if (b.kind === 'form') {
    const fields = b.fields.filter((f) => f.enabled);
    postData = { mimeType: FORM, params: fields.map((f) => ({ name: f.name, value: f.value })) };
    contentType(FORM);
  } else if (b.kind === 'multipart') {
    postData = { mimeType: 'multipart/form-data', params: b.parts.filter((p) => p.enabled).map((p) => (p.file !== undefined
      ? { name: p.name, fileName: p.file, ...(p.contentType ? { contentType: p.contentType } : {}) } : { name: p.name, value: p.value ?? '' })) };
    contentType('multipart/form-data');
  } else if (b.kind === 'binary') {
    postData = { mimeType: b.contentType ?? 'application/octet-stream', text: `@${b.file}` };
  }
  return {
    method: spec.method, url: urlWithParams(spec.url, spec.params), httpVersion: 'HTTP/1.1', cookies: [], headers, queryString: [],
    headersSize: -1, bodySize: -1, postData: postData ?? { mimeType: 'application/octet-stream' },
  };
}

/** Send options a snippet cannot carry (httpsnippet writes the request only). */
function optionWords(o: SendOptionsInput): string[] {
  return [o.proxy && 'proxy', o.tls && Object.keys(o.tls).length > 0 && 'TLS settings', o.timeouts && 'timeouts',
    o.connectTo && o.connectTo.length > 0 && 'connect-to', o.redirects && 'redirect settings'].filter((x): x is string => Boolean(x));
}

export async function exportSnippet(collection: Collection, name: string, opts: ExportOptions = {}): Promise<ExportText> {
  const pick = SNIPPET_TARGETS[name];
  if (!pick) throw new Error(`unknown snippet target '${name}': use one of ${Object.keys(SNIPPET_TARGETS).join(', ')}`);
  const { HTTPSnippet } = await import('@readme/httpsnippet');
  const unresolved = new Set<string>();
  const cannot: string[] = [];
  const all = opts.entries ?? entries(collection.items);
  const parts: string[] = [];
  for (const e of all) {
    const p = await prepareForExport(collection, e, opts);
    p.unresolved.forEach((u) => unresolved.add(u));
    cannot.push(...p.cannot);
    const lost = optionWords(p.prepared.options);
    if (lost.length) cannot.push(`${p.name}: send options (${lost.join(', ')}) have no place in a ${name} snippet; left out`);
    // harIsAlreadyEncoded would have httpsnippet decode the query and write it back unencoded: a value
    // holding `&`, `#` or `%` then changed the request (found by test/fuzz/curl-export.test.ts).
    const code = new HTTPSnippet(toHarRequest(exportSpec(p.prepared)) as never, { harIsAlreadyEncoded: false }).convert(pick[0] as never, pick[1]);
    const text = Array.isArray(code) ? code.join('\n') : String(code ?? '');
    parts.push(all.length > 1 ? `// ${[...e.path, p.name].join(' / ')}\n${text}` : text);
  }
  return { text: `${parts.join('\n\n')}\n`, unresolved: [...unresolved], cannot };
}
