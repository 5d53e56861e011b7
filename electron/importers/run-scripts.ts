// Scripts an import carries for `clearance run` (Bruno, Insomnia), kept on the request itself under a
// symbol: the import's copies of a request (finish() spreads it to rename duplicates) keep them, and
// nothing written from a request sees them (YAML and JSON skip symbol keys).
import type { RequestFile } from '../../shared/model';
import type { RequestScripts } from './postman-scripts';

const SCRIPTS = Symbol('clearance.run-scripts');
type Carrier = RequestFile & { [SCRIPTS]?: RequestScripts };

export function attachScripts(req: RequestFile, scripts: RequestScripts): void {
  if (scripts.prerequest.length + scripts.test.length > 0) (req as Carrier)[SCRIPTS] = scripts;
}

export function scriptsOf(req: RequestFile): RequestScripts | undefined {
  return (req as Carrier)[SCRIPTS];
}
