import { ViewTab } from '../../ui';
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
  const drift = run?.comparison?.drift.some((d) => d.kind === 'changed') ?? false;
  return (
    <ViewTab active={visible} icon={<GridIcon size={11} />} label={`Matrix · ${target.path === '' ? workspace : target.name}`}
      title={`Access matrix: ${target.path || 'every request'}`} closeLabel="Close matrix" running={Boolean(run?.running)}
      done={run && !run.running && !run.error ? { bad: drift, title: drift ? 'drift from access.yaml' : 'as expected' } : null}
      onShow={show} onClose={() => void close()} />
  );
}
