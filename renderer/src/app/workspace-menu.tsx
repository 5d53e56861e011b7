import { useEffect, useRef, useState } from 'react';
import { useImportStore } from '../features/import';
import { openSecrets } from '../features/secrets';
import { openFolderSettings, useWorkspaceStore } from '../features/workspace';

/** The Workspace slot: its name, the folder, Import, settings, Secrets and Close. */
export function WorkspaceMenu() {
  const snapshot = useWorkspaceStore((s) => s.snapshot);
  const close = useWorkspaceStore((s) => s.close);
  const startImport = useImportStore((s) => s.start);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) setOpen(false); };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);
  return (
    <div className="slot-wrap" ref={ref}>
      <button type="button" className="slot" aria-haspopup="menu" aria-expanded={open} title={snapshot?.root ?? 'No workspace open'}
        onClick={() => setOpen(!open)}>
        <span className="slot-label">Workspace</span>
        <span className="slot-value slot-strong">{snapshot?.file.name ?? 'Scratch'}</span>
        <span className="slot-caret" aria-hidden>▾</span>
      </button>
      {open && (
        <div role="menu" className="tree-menu slot-menu">
          {snapshot && <div className="slot-menu-path mono">{snapshot.root}</div>}
          <button type="button" role="menuitem" className="tree-menu-item" onClick={() => { setOpen(false); startImport(); }}>Import…</button>
          {snapshot && <button type="button" role="menuitem" className="tree-menu-item" onClick={() => { setOpen(false); openFolderSettings('', snapshot.file.name); }}>Collection settings…</button>}
          {snapshot && <button type="button" role="menuitem" className="tree-menu-item" onClick={() => { setOpen(false); openSecrets(); }}>Secrets…</button>}
          {snapshot && <button type="button" role="menuitem" className="tree-menu-item" onClick={() => { setOpen(false); void close(); }}>Close workspace</button>}
        </div>
      )}
    </div>
  );
}
