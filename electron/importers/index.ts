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
import { importPostman } from './postman';

export { ImportError } from './errors';
export { FORMATS, type Format } from './detect';
export { countRequests, type ImportOutput } from './finish';
export type { ImportOptions, SecretMode } from './context';

const IMPORTERS: Record<Format, (path: string, opts: ImportOptions) => Promise<ImportOutput>> = {
  postman: importPostman, insomnia: importInsomnia, bruno: importBruno, openapi: importOpenApi, har: importHar, curl: importCurl,
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
  try {
    return await IMPORTERS[f](path, opts);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(path, `could not be imported as ${f}: ${(err as Error).message?.split('\n')[0] ?? String(err)}`);
  }
}
