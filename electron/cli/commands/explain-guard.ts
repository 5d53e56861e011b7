// Checks JSON given to `clearance explain` before the explainer reads it: deeply nested values
// overflowed the stack (String() and JSON.stringify recurse) and a header value that is an object
// with a non-callable toString threw a TypeError; both are the input's problem, said as such.
import { nestsDeeper } from '../../../shared/util/depth';
import { UsageError } from '../exit-codes';

export const MAX_EXPLAIN_DEPTH = 64;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const primitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function checkValue(v: unknown, where: string): void {
  if (primitive(v) || v === undefined || (Array.isArray(v) && v.every(primitive))) return;
  throw new UsageError(`${where}: a header value must be text (or a list of texts), not ${Array.isArray(v) ? 'a nested list' : 'an object'}`);
}

function checkHeaders(h: unknown, where: string): void {
  if (Array.isArray(h)) {
    h.forEach((pair, i) => checkValue(Array.isArray(pair) ? pair[1] : isObj(pair) ? pair.value : undefined, `${where}.headers[${i}]`));
  } else if (isObj(h)) {
    for (const [k, v] of Object.entries(h)) checkValue(v, `${where}.headers.${k.slice(0, 60)}`);
  }
}

/** Throws a UsageError naming the place when JSON input cannot be explained safely. */
export function guardExplainJson(text: string, file: string): void {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t[0] !== '{' && t[0] !== '[') return;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch {
    // Not JSON: the explainer's own parser reports it with its position.
    return;
  }
  if (nestsDeeper(data, MAX_EXPLAIN_DEPTH)) throw new UsageError(`${file}: the JSON nests deeper than ${MAX_EXPLAIN_DEPTH} levels`);
  if (isObj(data) && isObj(data.log)) {
    const entries = Array.isArray(data.log.entries) ? data.log.entries : [];
    entries.forEach((e, i) => { if (isObj(e) && isObj(e.response)) checkHeaders(e.response.headers, `${file}: log.entries[${i}].response`); });
    return;
  }
  (Array.isArray(data) ? data : [data]).forEach((r, i) => { if (isObj(r)) checkHeaders(r.headers, `${file}: ${Array.isArray(data) ? `[${i}]` : 'response'}`); });
}
