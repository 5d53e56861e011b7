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
 * ref parser builds URIs from keys, and encodeURI throws on them). Changes `doc` in place.
 */
export function checkOpenApiRefs(file: string, doc: Obj): void {
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
    for (const key of Object.keys(obj)) {
      const k = key.replace(LONE_SURROGATE, '\uFFFD');
      if (k !== key) {
        obj[k] = obj[key];
        delete obj[key];
      }
      stack.push([obj[k], depth + 1, `${where}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
    }
  }
}

/** swagger-parser's options: no file, no HTTP, no external resolution even if a ref slipped through. */
export const REF_OPTIONS = { resolve: { external: false, file: false, http: false } } as const;
