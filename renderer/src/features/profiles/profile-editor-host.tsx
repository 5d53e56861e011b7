import { useEffect } from 'react';
import { lazyView } from '../../ui';
import { useWorkspaceStore } from '../workspace';
import { useProfilesStore } from './profiles.store';

// The editors are their own chunks, fetched the first time one opens.
const KeyEditor = lazyView(() => import('./key-editor').then((m) => m.KeyEditor));
const GatewayEditor = lazyView(() => import('./gateway-editor').then((m) => m.GatewayEditor));

/** Keeps the profile lists in step with the workspace and mounts the open editor (once in the app). */
export function ProfileEditorHost() {
  const root = useWorkspaceStore((s) => s.root);
  const snapshot = useWorkspaceStore((s) => s.snapshot);
  const editor = useProfilesStore((s) => s.editor);
  const keys = useProfilesStore((s) => s.keys);
  const gateways = useProfilesStore((s) => s.gateways);
  const refresh = useProfilesStore((s) => s.refresh);
  const close = useProfilesStore((s) => s.closeEditor);
  const saves = useProfilesStore((s) => s.lastSaved?.n ?? 0);
  useEffect(() => void refresh(root), [root, snapshot, refresh]);
  if (!editor || !root) return null;
  // A save that keeps the editor open remounts it: the typed values go, the stored states come in.
  const id = `${editor.kind}:${editor.name ?? '+new'}:${saves}`;
  if (editor.kind === 'key') return <KeyEditor key={id} entry={keys.find((k) => k.name === editor.name)} onClose={close} />;
  return <GatewayEditor key={id} entry={gateways.find((g) => g.name === editor.name)} onClose={close} />;
}
