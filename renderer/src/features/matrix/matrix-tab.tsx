import { StatusDot } from '../../ui';
import { useWorkspaceStore } from '../workspace';
import { GridIcon } from './matrix-icon';
import { useMatrixStore } from './matrix.store';

/** The matrix's tab in the strip of open requests: a spinner while it runs, then a dot (red: drift or refusals). */
export function MatrixTab() {
  const target = useMatrixStore((s) => s.target);
  const visible = useMatrixStore((s) => s.visible);
  const run = useMatrixStore((s) => s.run);
  const { show, close } = useMatrixStore.getState();
  const workspace = useWorkspaceStore((s) => s.snapshot?.file.name ?? 'Workspace');
  if (!target) return null;
  const name = target.path === '' ? workspace : target.name;
  const drift = run?.comparison?.drift.some((d) => d.kind === 'changed') ?? false;
  return (
    <div className={`request-tab runner-tab${visible ? ' active' : ''}`}>
      <button type="button" role="tab" aria-selected={visible} className="request-tab-main" onClick={show} title={`Access matrix: ${target.path || 'every request'}`}>
        <span className="runner-tab-icon"><GridIcon size={11} /></span>
        <span className="request-tab-title">Matrix · {name}</span>
        {run?.running && <span className="mini-spinner" aria-label="running" />}
        {run && !run.running && !run.error && <StatusDot status={null} tone={drift ? 'refused' : 'success'} title={drift ? 'drift from access.yaml' : 'as expected'} />}
      </button>
      <button type="button" className="request-tab-close" aria-label="Close matrix" onClick={() => void close()}>×</button>
    </div>
  );
}
