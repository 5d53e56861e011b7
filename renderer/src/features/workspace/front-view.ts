// A view that stands in front of the editor for a folder of the workspace (the Runner, the Matrix):
// opening a request brings the editor back, another workspace closes the view, and the palette's
// and menu's action shows it as it was or opens it for the whole workspace.
import type { StoreApi, UseBoundStore } from 'zustand';
import { useRequestEditorStore } from '../request-editor';
import { useWorkspaceStore } from './workspace.store';

export interface FrontViewState {
  visible: boolean;
  target: { path: string; name: string } | null;
  open(target: { path: string; name: string }): void;
  show(): void;
  hide(): void;
  close(): Promise<void>;
}

/** Wires the view's store to the editor and the workspace; returns its "show" action. */
export function frontView<S extends FrontViewState>(store: UseBoundStore<StoreApi<S>>): () => void {
  useRequestEditorStore.subscribe((s, prev) => {
    if (s.activeId !== prev.activeId && store.getState().visible) store.getState().hide();
  });
  useWorkspaceStore.subscribe((s, prev) => {
    if (s.root !== prev.root && store.getState().target) void store.getState().close();
  });
  return () => {
    const view = store.getState();
    const ws = useWorkspaceStore.getState();
    if (view.target) view.show();
    else if (ws.root) view.open({ path: '', name: ws.snapshot?.file.name ?? 'Workspace' });
  };
}
