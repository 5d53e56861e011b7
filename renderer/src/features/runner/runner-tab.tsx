import { StatusDot } from '../../ui';
import { useWorkspaceStore } from '../workspace';
import { PlayIcon } from './runner-header';
import { useRunnerStore } from './runner.store';

/** The Runner's tab in the strip of open requests: its folder, a spinner while it runs, then a dot (red: something failed). */
export function RunnerTab() {
  const target = useRunnerStore((s) => s.target);
  const visible = useRunnerStore((s) => s.visible);
  const run = useRunnerStore((s) => s.run);
  const { show, close } = useRunnerStore.getState();
  const workspace = useWorkspaceStore((s) => s.snapshot?.file.name ?? 'Workspace');
  if (!target) return null;
  const name = target.path === '' ? workspace : target.name;
  const failed = run && !run.running && run.results.some((r) => !r.passed);
  return (
    <div className={`request-tab runner-tab${visible ? ' active' : ''}`}>
      <button type="button" role="tab" aria-selected={visible} className="request-tab-main" onClick={show} title={`Runner: ${target.path || 'every request'}`}>
        <span className="runner-tab-icon"><PlayIcon size={10} /></span>
        <span className="request-tab-title">Run · {name}</span>
        {run?.running && <span className="mini-spinner" aria-label="running" />}
        {run && !run.running && !run.error && <StatusDot status={null} tone={failed ? 'refused' : 'success'} title={failed ? 'failures' : 'all passed'} />}
      </button>
      <button type="button" className="request-tab-close" aria-label="Close runner" onClick={() => void close()}>×</button>
    </div>
  );
}
