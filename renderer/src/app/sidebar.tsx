import { HistoryList } from '../features/history';
import { useRequestEditorStore } from '../features/request-editor';
import { Button } from '../ui';

export function Sidebar() {
  const newTab = useRequestEditorStore((s) => s.newTab);
  return (
    <nav className="sidebar" aria-label="Workspace">
      <div className="sidebar-section">
        <div className="sidebar-heading">Collections</div>
        <div className="sidebar-empty">
          <p>No workspace open. Collections are folders of YAML files you can commit.</p>
          <div className="sidebar-actions">
            <Button size="sm" disabled title="Coming soon">Open folder</Button>
            <Button size="sm" disabled title="Coming soon">Import</Button>
            <Button size="sm" disabled title="Coming soon: clearance demo">Try the demo</Button>
          </div>
          <p className="sidebar-hint">Coming soon. Meanwhile, send requests from a tab.</p>
        </div>
      </div>
      <div className="sidebar-section sidebar-grow">
        <div className="sidebar-heading">History <span className="muted">· this session</span></div>
        <HistoryList onOpen={(req) => newTab(req)} />
      </div>
    </nav>
  );
}
