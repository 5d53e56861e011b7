// Importers: one per format, each returning the collection and what it could not carry over.
import { importBruno } from './bruno';
import { importCurl } from './curl';
import { type Format, FORMATS, detectFormat } from './detect';
import type { ImportOptions } from './context';
import { ImportError } from './errors';
import type { ImportOutput } from './finish';
import { importHar } from './har';
import { importInsomnia } from './insomnia';
import { importOpenApi } from './openapi';
import { checkFolderDepth } from './limits';
import { importPostmanDocument } from './postman';
import { parseJson, readText } from './read';

export { ImportError } from './errors';
export { FORMATS, type Format } from './detect';
export { countRequests, type ImportOutput } from './finish';
export type { ImportOptions, SecretMode } from './context';

/** Postman with its folder depth checked first: its importer walks folders recursively. */
async function importPostmanChecked(path: string, opts: ImportOptions): Promise<ImportOutput> {
  const doc = parseJson(path, await readText(path));
  const root = doc && typeof doc === 'object' ? (doc as { item?: unknown }).item : undefined;
  const kids = (node: unknown) => {
    const item = node && typeof node === 'object' ? (node as { item?: unknown }).item : undefined;
    return Array.isArray(item) ? item : undefined;
  };
  if (Array.isArray(root)) checkFolderDepth(path, root, kids);
  return importPostmanDocument(path, doc, opts);
}

const IMPORTERS: Record<Format, (path: string, opts: ImportOptions) => Promise<ImportOutput>> = {
  postman: importPostmanChecked, insomnia: importInsomnia, bruno: importBruno, openapi: importOpenApi, har: importHar, curl: importCurl,
};

/**
 * Imports `path` as `format` (or `auto`). Bad input throws ImportError naming the file and the
 * problem. `opts.secrets` says what becomes of credential values (see SecretMode).
 */
export async function importFile(format: string, path: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  if (format !== 'auto' && !FORMATS.includes(format as Format)) {
    throw new ImportError(path, `unknown format '${format}': use one of ${FORMATS.join(', ')} or auto`);
  }
  const f = format === 'auto' ? await detectFormat(path) : (format as Format);
  // Only ImportError is the input's problem (exit 2); anything else is a bug and stays one.
  return IMPORTERS[f](path, opts);
}
