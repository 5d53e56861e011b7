import { ContractError } from '../../shared/contract/result';
import type { FileProblem } from '../../shared/model';

/** Workspace errors carry a code (and, for a broken file, where it is broken) across every transport. */
export function workspaceError(code: string, message: string, remedy?: string): ContractError {
  return new ContractError({ code, message, ...(remedy ? { remedy } : {}) });
}

export function brokenFileError(p: FileProblem): ContractError {
  const at = p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : '';
  return workspaceError('broken-file', `${p.path}${at}: ${p.message}`, 'Fix the file by hand (it is kept as it is), then reload.');
}
