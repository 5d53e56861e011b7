import { useEffect, useRef } from 'react';
import type { TreeNode } from '../../../../shared/model';
import { useMatrixStore } from '../matrix/matrix.store';
import { useRunnerStore } from '../runner/runner.store';
import { openFolderSettings } from './folder-settings.store';
import { deleteNode, newFolder, newRequest, renameNode } from './tree-actions';
import { useWorkspaceStore } from './workspace.store';

type Item = [label: string, act: () => unknown, danger?: boolean];

export interface MenuAt { x: number; y: number; node: TreeNode | null }

/** Right-click (or Shift+F10 / the ⋯ button) menu of a tree row; `node: null` is the collections root. */
export function TreeMenu({ at, onClose }: { at: MenuAt; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  const node = at.node;
  const folder = node === null ? '' : node.type === 'folder' ? node.path : node.path.split('/').slice(0, -1).join('/');
  const wsName = () => useWorkspaceStore.getState().snapshot?.file.name ?? 'Workspace';
  const settings: Item[] = node === null ? [['Collection settings…', () => openFolderSettings('', wsName())]]
    : node.type === 'folder' ? [['Folder settings…', () => openFolderSettings(node.path, node.name)]] : [];
  const run: Item[] = node === null ? [['Run collection', () => useRunnerStore.getState().open({ path: '', name: wsName() })]]
    : node.type === 'folder' ? [['Run folder…', () => useRunnerStore.getState().open({ path: node.path, name: node.name })]] : [];
  const matrix: Item[] = node === null || node.type === 'folder'
    ? [['Access matrix…', () => useMatrixStore.getState().open(node ? { path: node.path, name: node.name } : { path: '', name: wsName() })]] : [];
  const items: Item[] = [
    ...run,
    ...matrix,
    ['New request', () => newRequest(folder)],
    [node === null ? 'New collection' : 'New folder', () => newFolder(folder)],
    ...settings,
    ...(node ? [['Rename…', () => renameNode(node)], ['Delete…', () => deleteNode(node), true]] as Item[] : []),
  ];
  const move = (e: React.KeyboardEvent, dir: 1 | -1) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + dir + all.length) % all.length]?.focus();
    e.preventDefault();
  };
  return (
    <div ref={ref} role="menu" aria-label={node ? `Actions for ${node.name}` : 'Collection actions'} className="tree-menu"
      style={{ left: Math.min(at.x, window.innerWidth - 190), top: Math.min(at.y, window.innerHeight - 150) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') { onClose(); e.stopPropagation(); } else if (e.key === 'ArrowDown') move(e, 1); else if (e.key === 'ArrowUp') move(e, -1);
      }}>
      {items.map(([label, act, danger]) => (
        <button key={label} type="button" role="menuitem" className={`tree-menu-item${danger ? ' danger' : ''}`}
          onClick={() => { onClose(); void act(); }}>{label}</button>
      ))}
    </div>
  );
}
