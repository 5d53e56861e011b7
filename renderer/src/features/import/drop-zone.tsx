import { useEffect, useState } from 'react';
import { readDroppedFolder } from './folder-read';
import { useImportStore } from './import.store';

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

/** Drop a file, or a Bruno collection folder, anywhere on the window to import it; an overlay says so while dragging. */
export function DropZone() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => { if (!hasFiles(e)) return; depth += 1; setOver(true); e.preventDefault(); };
    const leave = () => { depth = Math.max(0, depth - 1); if (depth === 0) setOver(false); };
    const overFn = (e: DragEvent) => { if (hasFiles(e)) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      // The entry must be taken during the drop event: the items are emptied once it returns.
      const entry = e.dataTransfer?.items[0]?.webkitGetAsEntry?.();
      if (entry?.isDirectory) {
        void useImportStore.getState().pickFolder((progress) => readDroppedFolder(entry as FileSystemDirectoryEntry, progress));
        return;
      }
      const file = e.dataTransfer?.files[0];
      if (file) void useImportStore.getState().pick(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-overlay" aria-hidden>
      <div className="drop-card"><b>Drop to import</b><span>Postman · Insomnia · OpenAPI · HAR · curl · a Bruno collection folder</span></div>
    </div>
  );
}
