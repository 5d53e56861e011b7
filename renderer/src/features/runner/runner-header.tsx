import { Button } from '../../ui';
import { ProfileSlotSelect, useProfilesStore } from '../profiles';
import { EnvSelect } from '../resolve';
import { WatchControl } from '../watch';
import { useWorkspaceStore } from '../workspace';
import { failedPaths, useRunnerStore } from './runner.store';

export const PlayIcon = ({ size = 12 }: { size?: number }) => (
  <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden><path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.1-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5Z" fill="currentColor" /></svg>
);
const StopIcon = () => <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden><rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" /></svg>;
const RetryIcon = () => (
  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden><path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" /></svg>
);
const FolderIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden><path d="M2.5 3.5h4l1.5 1.5h5.5v7.5h-11z" fill="currentColor" opacity=".18" stroke="currentColor" strokeWidth="1.1" strokeLinejoin="round" /></svg>
);

/** What runs (the folder, its request count), the settings it runs with, and Run / Stop / Re-run failures. */
export function RunnerHeader() {
  const target = useRunnerStore((s) => s.target);
  const run = useRunnerStore((s) => s.run);
  const key = useRunnerStore((s) => s.key);
  const gateway = useRunnerStore((s) => s.gateway);
  const bail = useRunnerStore((s) => s.bail);
  const { setOptions, start, stop, rerunFailures } = useRunnerStore.getState();
  const keys = useProfilesStore((s) => s.keys);
  const gateways = useProfilesStore((s) => s.gateways);
  const workspace = useWorkspaceStore((s) => s.snapshot?.file.name ?? 'Workspace');
  const env = useWorkspaceStore((s) => s.env);
  const running = run?.running === true;
  const failed = running ? 0 : failedPaths(run).length;
  const shown = running && run ? run.target : target;
  if (!shown) return null;
  return (
    <header className="runner-head">
      <div className="runner-title">
        <span className="runner-title-icon"><FolderIcon /></span>
        <div className="runner-title-text">
          <h2>{shown.path === '' ? workspace : shown.name}</h2>
          <span className="runner-subtitle">
            {shown.path === '' ? 'Every request of the workspace' : <span className="mono">{shown.path}/</span>}
            {run && run.planned.length > 0 && <> · {run.planned.length} request{run.planned.length === 1 ? '' : 's'}{run.rerun ? ' (failures of the last run)' : ''}</>}
          </span>
        </div>
        <div className="runner-actions">
          <WatchControl disabled={running} source={{ kind: 'run', target: shown.path, name: shown.path === '' ? workspace : shown.name,
            env: env ?? undefined, key: key || undefined, gateway: gateway || undefined }} />
          {failed > 0 && (
            <Button onClick={() => void rerunFailures()} title="Run again only the requests that failed">
              <RetryIcon /> Re-run failures ({failed})
            </Button>
          )}
          {running && run ? (
            <Button variant="danger" onClick={() => void stop()} disabled={run.stopping} title="Abort the request in flight and end the run">
              <StopIcon /> {run.stopping ? 'Stopping…' : 'Stop'}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => void start()}><PlayIcon /> {run ? 'Run again' : 'Run'}</Button>
          )}
        </div>
      </div>
      <div className="runner-settings" role="group" aria-label="Run settings">
        <EnvSelect />
        <ProfileSlotSelect label="Key" aria="Runner key profile" value={key} fallback="Default" none={['none', 'No key']} disabled={running}
          title="Key profile for every request of the run (Default: what each request, folder or the collection names)"
          options={keys.filter((k) => k.profile).map((k) => k.name)} onChange={(v) => setOptions({ key: v })} />
        <ProfileSlotSelect label="Gateway" aria="Runner gateway profile" value={gateway} fallback="Default" none={['direct', 'Direct']} disabled={running}
          title="Gateway profile for every request of the run (Default: what each request, folder or the collection names)"
          options={gateways.filter((g) => g.profile).map((g) => g.name)} onChange={(v) => setOptions({ gateway: v })} />
        <label className="runner-check" title="End the run at the first request that fails">
          <input type="checkbox" checked={bail} disabled={running} onChange={(e) => setOptions({ bail: e.target.checked })} />
          Stop at the first failure
        </label>
      </div>
    </header>
  );
}
