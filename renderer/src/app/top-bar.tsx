import { ProfileSelectors } from '../features/profiles';
import { EnvSelect } from '../features/resolve';
import { WatchIndicator } from '../features/watch';
import { useAppStore } from './app.store';
import { WorkspaceMenu } from './workspace-menu';

export function TopBar() {
  const version = useAppStore((s) => s.version);
  const transport = useAppStore((s) => s.transport);
  const backendError = useAppStore((s) => s.backendError);
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          <svg viewBox="0 0 16 16" width="16" height="16"><path d="M8 1.5 2.5 3.8v3.9c0 3.2 2.3 6 5.5 6.8 3.2-.8 5.5-3.6 5.5-6.8V3.8L8 1.5Z" fill="currentColor" /><path d="m5.6 8 1.7 1.7 3.2-3.4" stroke="var(--brand-ink)" strokeWidth="1.6" fill="none" strokeLinecap="round" strokeLinejoin="round" /></svg>
        </span>
        <h1 className="brand-name">Clearance</h1>
        {version && <span className="brand-version">v{version}</span>}
      </div>
      <WorkspaceMenu />
      <div className="top-bar-spacer" />
      {backendError && <span className="backend-error" role="status" title={backendError}>Backend offline</span>}
      <WatchIndicator />
      <EnvSelect />
      <ProfileSelectors />
      <span className="transport-chip" title={transport === 'ipc' ? 'Desktop app' : 'Browser UI served by clearance serve'}>
        {transport === 'ipc' ? 'desktop' : 'serve'}
      </span>
    </header>
  );
}
