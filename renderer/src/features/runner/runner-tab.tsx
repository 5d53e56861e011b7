import { ViewTab } from '../../ui';
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
  const failed = Boolean(run && !run.running && run.results.some((r) => !r.passed));
  return (
    <ViewTab active={visible} icon={<PlayIcon size={10} />} label={`Run · ${target.path === '' ? workspace : target.name}`}
      title={`Runner: ${target.path || 'every request'}`} closeLabel="Close runner" running={Boolean(run?.running)}
      done={run && !run.running && !run.error ? { bad: failed, title: failed ? 'failures' : 'all passed' } : null}
      onShow={show} onClose={() => void close()} />
  );
}
