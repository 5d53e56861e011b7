import { toCurl } from '../../../../shared/curl';
import type { ResponseRecord } from '../../../../shared/model';
import { useResponseStore } from '../response';
import { isCurlCommand } from './curl-import';
import { toRequestSpec, type Draft } from './draft';
import { useRequestEditorStore } from './request-editor.store';

/** How a tab that edits a workspace file is sent (workspace.sendRequest with the env and the send id); set by the workspace feature. */
type FileSender = (draft: Draft, sendId: string) => Promise<ResponseRecord>;
let fileSender: FileSender | null = null;
export function setFileSender(fn: FileSender | null): void {
  fileSender = fn;
}

/** How a file tab is copied as curl: the backend's export of the prepared request (folders, key, gateway, secrets as {{name}}). */
type FileExporter = (draft: Draft) => Promise<{ text: string; unresolved: string[]; cannot: string[] }>;
let fileExporter: FileExporter | null = null;
export function setFileExporter(fn: FileExporter | null): void {
  fileExporter = fn;
}

/** Sends the tab's draft (or the active tab's); a send already running for it is cancelled first. */
export function sendTab(tabId?: string): void {
  const { tabs, activeId } = useRequestEditorStore.getState();
  let draft = tabs.find((d) => d.id === (tabId ?? activeId));
  if (!draft || draft.url.trim() === '') {
    document.getElementById('request-url')?.focus();
    return;
  }
  // A curl command typed into the URL field imports as a paste would, then sends what it imported.
  if (isCurlCommand(draft.url)) {
    const id = draft.id;
    useRequestEditorStore.getState().importCurl(id, draft.url);
    draft = useRequestEditorStore.getState().tabs.find((d) => d.id === id);
    // Still a command: it did not parse, and the tab's notice says why.
    if (!draft || isCurlCommand(draft.url)) return;
  }
  const ready = draft;
  const via = ready.file && fileSender ? fileSender : null;
  void useResponseStore.getState().send(ready.id, toRequestSpec(ready), ready.options, via ? (sendId) => via(ready, sendId) : undefined);
}

export function cancelTab(tabId?: string): void {
  const id = tabId ?? useRequestEditorStore.getState().activeId;
  void useResponseStore.getState().cancel(id);
}

export function closeTab(tabId: string): void {
  const responses = useResponseStore.getState();
  if (responses.byTab[tabId]?.state === 'sending') void responses.cancel(tabId);
  responses.forget(tabId);
  useRequestEditorStore.getState().closeTab(tabId);
}

/**
 * Copies the tab's request as a bash curl command: a file tab as the backend prepares it (what a send
 * puts on the wire, secrets as {{name}}); a scratch tab as it stands. The notice says what the copy lacks.
 */
export async function copyAsCurl(tabId?: string): Promise<void> {
  const store = useRequestEditorStore.getState();
  const draft = store.tabs.find((d) => d.id === (tabId ?? store.activeId));
  if (!draft) return;
  let command: string;
  const messages: string[] = [];
  try {
    if (draft.file && fileExporter) {
      const out = await fileExporter(draft);
      command = out.text.trimEnd();
      if (out.unresolved.length) messages.push(`Left as {{name}}: ${out.unresolved.join(', ')}`);
      messages.push(...out.cannot);
    } else {
      command = toCurl(toRequestSpec(draft), draft.options, { multiline: true });
    }
  } catch (err) {
    store.setNotice(draft.id, { tone: 'error', title: 'Could not prepare the curl command', messages: [(err as Error).message] });
    return;
  }
  try {
    await navigator.clipboard.writeText(command);
    store.setNotice(draft.id, { tone: messages.length ? 'warning' : 'info', title: 'Copied as cURL', messages });
  } catch (err) {
    store.setNotice(draft.id, { tone: 'error', title: 'Could not copy to the clipboard', messages: [(err as Error).message] });
  }
}
