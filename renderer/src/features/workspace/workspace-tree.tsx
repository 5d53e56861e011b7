import './workspace.css';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { TreeNode } from '../../../../shared/model';
import { StatusDot } from '../../ui';
import { useActiveDraft } from '../request-editor';
import { openRequest } from './file-actions';
import { deleteNode, renameNode } from './tree-actions';
import { TreeMenu, type MenuAt } from './tree-menu';
import { useWorkspaceStore } from './workspace.store';

interface Row { node: TreeNode; level: number; parent: string | null }

function flatten(nodes: TreeNode[], expanded: Record<string, boolean>, level = 1, parent: string | null = null, out: Row[] = []): Row[] {
  for (const node of nodes) {
    out.push({ node, level, parent });
    if (node.type === 'folder' && expanded[node.path]) flatten(node.children, expanded, level + 1, node.path, out);
  }
  return out;
}

const Chevron = ({ open }: { open: boolean }) => (
  <svg className={`tree-chevron${open ? ' open' : ''}`} viewBox="0 0 16 16" width="12" height="12" aria-hidden><path d="m6 4 4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
);
const FolderIcon = ({ top }: { top: boolean }) => (
  <svg className="tree-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden>
    {top ? <path d="M2.5 3.5h4l1.5 1.5h5.5v7.5h-11z" fill="currentColor" opacity=".22" stroke="currentColor" strokeWidth="1.1" strokeLinejoin="round" />
      : <path d="M2.5 3.5h4l1.5 1.5h5.5v7.5h-11z" fill="none" stroke="currentColor" strokeWidth="1.1" strokeLinejoin="round" />}
  </svg>
);

/** Collections (top-level folders), folders and requests; arrows move, Enter opens, F2 renames, Delete deletes. */
export function WorkspaceTree() {
  const snapshot = useWorkspaceStore((s) => s.snapshot);
  const expanded = useWorkspaceStore((s) => s.expanded);
  const statuses = useWorkspaceStore((s) => s.statuses);
  const setExpanded = useWorkspaceStore((s) => s.setExpanded);
  const activePath = useActiveDraft().file?.path ?? null;
  const [focused, setFocused] = useState<string | null>(null);
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const rows = useMemo(() => flatten(snapshot?.tree ?? [], expanded), [snapshot, expanded]);
  const closeMenu = useCallback(() => setMenu(null), []);
  const current = rows.find((r) => r.node.path === focused) ?? rows.find((r) => r.node.path === activePath) ?? rows[0];

  const focusRow = (path: string) => {
    setFocused(path);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-tree-path="${CSS.escape(path)}"]`)?.focus());
  };
  const activate = (node: TreeNode) => {
    if (node.type === 'folder') setExpanded(node.path, !expanded[node.path]);
    else void openRequest(node.path);
  };
  const onKey = (e: KeyboardEvent, row: Row) => {
    const i = rows.indexOf(row);
    const { node } = row;
    const isOpen = node.type === 'folder' && expanded[node.path];
    if (e.key === 'ArrowDown' && rows[i + 1]) focusRow(rows[i + 1]!.node.path);
    else if (e.key === 'ArrowUp' && i > 0) focusRow(rows[i - 1]!.node.path);
    else if (e.key === 'Home' && rows[0]) focusRow(rows[0].node.path);
    else if (e.key === 'End' && rows.length) focusRow(rows[rows.length - 1]!.node.path);
    else if (e.key === 'ArrowRight' && node.type === 'folder') {
      if (!isOpen) setExpanded(node.path, true);
      else if (node.children[0]) focusRow(node.children[0].path);
    } else if (e.key === 'ArrowLeft') {
      if (isOpen) setExpanded(node.path, false);
      else if (row.parent) focusRow(row.parent);
    } else if (e.key === 'Enter' || e.key === ' ') activate(node);
    else if (e.key === 'F2') void renameNode(node);
    else if (e.key === 'Delete') void deleteNode(node);
    else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
      setMenu({ x: r.left + 24, y: r.bottom, node });
    } else return;
    e.preventDefault();
  };

  if (!snapshot) return null;
  return (
    <>
      {rows.length === 0 ? (
        <p className="sidebar-hint tree-empty">No requests yet. Right-click here or use <b>+</b> to add a collection.</p>
      ) : (
        <ul role="tree" aria-label="Collections" className="tree" onContextMenu={(e) => { if (e.target === e.currentTarget) { e.preventDefault(); setMenu({ x: e.clientX, y: e.clientY, node: null }); } }}>
          {rows.map((row) => {
            const { node, level } = row;
            const st = node.type === 'request' ? statuses[node.path] : undefined;
            const open = node.type === 'folder' && !!expanded[node.path];
            return (
              <li key={node.path} role="treeitem" aria-level={level} aria-expanded={node.type === 'folder' ? open : undefined}
                aria-selected={node.path === activePath} aria-label={node.type === 'request' ? `${node.method} ${node.name}` : node.name}
                data-tree-path={node.path} tabIndex={row === current ? 0 : -1}
                className={`tree-row tree-${node.type}${node.path === activePath ? ' is-active' : ''}${level === 1 && node.type === 'folder' ? ' is-collection' : ''}`}
                style={{ paddingLeft: 6 + (level - 1) * 14 }}
                onClick={() => { setFocused(node.path); activate(node); }} onKeyDown={(e) => onKey(e, row)}
                onContextMenu={(e) => { e.preventDefault(); setFocused(node.path); setMenu({ x: e.clientX, y: e.clientY, node }); }}
                title={node.type === 'request' ? `${node.method} ${node.url}` : node.path}>
                {node.type === 'folder' ? <><Chevron open={open} /><FolderIcon top={level === 1} /></>
                  : <span className={`tree-method method-${node.method.toLowerCase()}`}>{node.method === 'DELETE' ? 'DEL' : node.method === 'OPTIONS' ? 'OPT' : node.method}</span>}
                <span className="tree-name">{node.name}</span>
                {node.type === 'folder' && (node.defaults?.key || node.defaults?.gateway) && <span className="tree-defaults" title={`Folder defaults: key ${node.defaults.key ?? 'inherited'}, gateway ${node.defaults.gateway ?? 'inherited'}`}>{node.defaults.key ?? node.defaults.gateway}</span>}
                {node.type === 'request' && node.broken && <span className="chip chip-warn" title="This file could not be read">broken</span>}
                {st && <span className={`tree-status${st.refused ? ' is-refused' : ''}`} title={st.status === null ? 'send failed' : `last status ${st.status}${st.refused ? ' (refused)' : ''}`}>
                  {st.status ?? 'ERR'}<StatusDot status={st.status} tone={st.refused ? 'refused' : undefined} />
                </span>}
                <button type="button" className="tree-more" tabIndex={-1} aria-label={`Actions for ${node.name}`}
                  onClick={(e) => { e.stopPropagation(); const r = e.currentTarget.getBoundingClientRect(); setMenu({ x: r.left, y: r.bottom, node }); }}>⋯</button>
              </li>
            );
          })}
        </ul>
      )}
      {menu && <TreeMenu at={menu} onClose={closeMenu} />}
    </>
  );
}
