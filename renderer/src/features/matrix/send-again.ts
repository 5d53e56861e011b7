// A matrix cell (or a watched request) keeps its verdict, not its response. "Send again to explain"
// opens the request in its tab with the cell's key and gateway chosen, and sends it through the one
// send path (workspace.sendRequest): the response pane then shows the full explanation card, with
// its evidence and Troubleshoot.
import { useProfileOverrides } from '../profiles';
import { sendTab, useRequestEditorStore } from '../request-editor';
import { useRunnerStore } from '../runner';
import { openRequest } from '../workspace';
import { useMatrixStore } from './matrix.store';

export interface SendAgain {
  path: string;
  /** the profiles of the cell; undefined: what the request, folder or collection names */
  key?: string | undefined;
  gateway?: string | undefined;
}

/** Opens the request's tab with the cell's profiles; `send` sends it too. False when it could not be opened. */
export async function openAsCell(target: SendAgain, opts: { send: boolean }): Promise<boolean> {
  await openRequest(target.path);
  const editor = useRequestEditorStore.getState();
  const draft = editor.tabs.find((d) => d.id === editor.activeId);
  // Not opened (deleted or unreadable since the run): the workspace's error line says why.
  if (!draft?.file || draft.file.path !== target.path) return false;
  useProfileOverrides.getState().set(draft.id, { key: target.key, gateway: target.gateway });
  // The tab may have been the active one already: the editor comes to the front either way.
  useMatrixStore.getState().hide();
  useRunnerStore.getState().hide();
  if (opts.send) sendTab(draft.id);
  return true;
}
