// `auto`: which format a file or folder holds, from its content (not its name).
import { stat } from 'node:fs/promises';
import { findBrunoRoot } from './bruno';
import { ImportError } from './errors';
import { insomniaVersion } from './insomnia';
import { openapiVersion } from './openapi';
import { isPostmanEnvironment, postmanVersion } from './postman';
import { isObject, parseJsonOrYaml, readText } from './read';

export type Format = 'postman' | 'insomnia' | 'bruno' | 'openapi' | 'har' | 'curl';
export const FORMATS: readonly Format[] = ['postman', 'insomnia', 'bruno', 'openapi', 'har', 'curl'];

export function detectDocument(doc: unknown): Format | undefined {
  if (!isObject(doc)) return undefined;
  if (postmanVersion(doc) || isPostmanEnvironment(doc)) return 'postman';
  if (insomniaVersion(doc)) return 'insomnia';
  if (openapiVersion(doc)) return 'openapi';
  if (isObject(doc.log) && ('entries' in doc.log || 'creator' in doc.log)) return 'har';
  return undefined;
}

export async function detectFormat(path: string): Promise<Format> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw new ImportError(path, `cannot be read (${err.code ?? err.message})`);
  });
  if (!info) throw new ImportError(path, 'no such file or folder');
  if (info.isDirectory()) {
    if (await findBrunoRoot(path)) return 'bruno';
    throw new ImportError(path, 'a folder that is not a Bruno collection (no bruno.json or opencollection.yml); name the format');
  }
  if (/[/\\](bruno\.json|opencollection\.ya?ml)$/.test(path)) return 'bruno';
  const text = await readText(path);
  if (/^\s*(\$\s+)?curl(\.exe)?\s/m.test(text) && !/^\s*[{[]/.test(text)) return 'curl';
  const doc = await parseJsonOrYaml(path, text);
  const format = detectDocument(doc);
  if (!format) {
    throw new ImportError(path, 'format not recognised: expected a Postman collection or environment, an Insomnia export, an OpenAPI 3 document, a HAR log, a Bruno folder or curl commands');
  }
  return format;
}
