// What an OpenAPI document may ask swagger-parser to follow: only its own `#/...` refs. A ref to a
// file or URL would read the importing machine's files (resolved against the working directory)
// or the network into the workspace, and each failed read rejected again after the import ended.
import { ImportError } from './errors';
import { MAX_IMPORT_DEPTH } from './limits';

type Obj = Record<string, unknown>;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Walks the document once (an explicit stack: no recursion): refuses a `$ref` outside the document
 * or nesting deeper than MAX_IMPORT_DEPTH, and makes keys with a lone surrogate well-formed (the
 * ref parser builds URIs from keys, and encodeURI throws on them). Changes `doc` in place. Then every
 * `#/...` ref must lead somewhere: swagger-parser met one through a null (`schemas:` left empty)
 * with a TypeError ("Cannot read properties of null") instead of naming the ref.
 */
export function checkOpenApiRefs(file: string, doc: Obj): void {
  const refs: Array<[string, string]> = [];
  const stack: Array<[unknown, number, string]> = [[doc, 0, '']];
  while (stack.length) {
    const [node, depth, where] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > MAX_IMPORT_DEPTH) throw new ImportError(file, `the document nests deeper than ${MAX_IMPORT_DEPTH} levels (at #${where.slice(0, 200)})`);
    const obj = node as Obj;
    const ref = obj.$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      throw new ImportError(file, `$ref '${ref.slice(0, 200)}' at #${where.slice(0, 200)} points outside the document: only refs inside it (#/...) are followed`);
    }
    if (typeof ref === 'string') refs.push([ref, where]);
    for (const key of Object.keys(obj)) {
      const k = key.replace(LONE_SURROGATE, '\uFFFD');
      if (k !== key) {
        obj[k] = obj[key];
        delete obj[key];
      }
      stack.push([obj[k], depth + 1, `${where}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
  for (const [ref, where] of refs) {
    if (!resolves(doc, ref)) {
      throw new ImportError(file, `$ref '${ref.slice(0, 200)}' at #${where.slice(0, 200)} points to nothing in the document`);
    }
  }
}

/** Whether a `#/a/b~1c` pointer (URI-encoded, ~0 ~1 escaped) leads to a value in `doc`. */
function resolves(doc: Obj, ref: string): boolean {
  let node: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    let token = raw;
    try { token = decodeURIComponent(raw); } catch { /* not URI-encoded: the token as written */ }
    token = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, token)) return false;
    node = (node as Obj)[token];
  }
  return true;
}

/** swagger-parser's options: no file, no HTTP, no external resolution even if a ref slipped through. */
export const REF_OPTIONS = { resolve: { external: false, file: false, http: false } } as const;
