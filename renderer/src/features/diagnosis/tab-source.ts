// What a tab's diagnosis is about: the request as the tab sends it (a workspace file with the
// tab's unsaved edits, the environment and the top bar's key/gateway; or a scratch request with
// its pasted curl options), and whose checklist ticks it has.
import type { CheckTarget } from '../../../../shared/contract';
import type { z } from 'zod';
import type { DiagnoseArgsSchema } from '../../../../shared/contract';
import type { RequestSpecInput } from '../../../../shared/model';
import { overrideFor } from '../profiles';
import { fileFromDraft, toRequestSpec, type Draft } from '../request-editor';
import { useWorkspaceStore } from '../workspace';

export type DiagnoseArgs = z.input<typeof DiagnoseArgsSchema>;
type Source = Pick<DiagnoseArgs, 'source' | 'env' | 'key' | 'gateway'>;

/** `sent`: the request the tab's response came from (a scratch tab may have been edited since). */
export function diagnosisSource(draft: Draft, sent?: RequestSpecInput): Source {
  const { root, env } = useWorkspaceStore.getState();
  if (draft.file && root) {
    return { source: { kind: 'file', dir: root, path: draft.file.path, request: fileFromDraft(draft, draft.file.saved) }, ...(env ? { env } : {}), ...overrideFor(draft.id) };
  }
  const options = Object.keys(draft.options).length > 0 ? draft.options : undefined;
  // The workspace (when one is open) lends its other key profiles to the probes; the request itself takes none.
  return { source: { kind: 'spec', request: sent ?? toRequestSpec(draft), ...(options ? { options } : {}), ...(root ? { dir: root } : {}) } };
}

/** Ticks are kept per workspace request (workspace id + path) or per scratch method + URL. */
export function checkTarget(draft: Draft): CheckTarget | null {
  const snapshot = useWorkspaceStore.getState().snapshot;
  if (draft.file && snapshot) return { kind: 'file', workspace: snapshot.file.id, path: draft.file.path };
  const url = toRequestSpec(draft).url;
  return url ? { kind: 'scratch', method: draft.method, url } : null;
}

/** The store's key for a target's ticks (the backend strips the query itself; this only needs to be stable). */
export function targetKey(t: CheckTarget): string {
  return t.kind === 'file' ? `ws:${t.workspace}:${t.path}` : `url:${t.method.toUpperCase()} ${t.url.replace(/[?#].*$/, '')}`;
}
