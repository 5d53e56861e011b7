// The status bar: what the open tab's next send uses (environment, key, gateway, HTTP version),
// what its last response spoke, how many watches run, and the way to every action (Ctrl/Cmd+K).
import './status-bar.css';
import { useProfileOverrides } from '../features/profiles';
import { shortcutLabel, usePaletteStore } from '../features/palette';
import { useActiveDraft } from '../features/request-editor';
import { useExchange } from '../features/response';
import { useSettingsStore } from '../features/settings';
import { useWatchStore } from '../features/watch';
import { useWorkspaceStore } from '../features/workspace';

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const VERSION_LABEL = { auto: 'auto', '1.1': 'HTTP/1.1', '2': 'HTTP/2' } as const;

function Item({ label, value, title, muted }: { label: string; value: string; title: string; muted?: boolean }) {
  return (
    <span className={`status-item${muted ? ' is-muted' : ''}`} title={title}>
      <span className="status-label">{label}</span>
      <span className="status-value" aria-label={`${label}: ${value}`}>{value}</span>
    </span>
  );
}

/** A key or gateway choice in words: the tab's override, else the request's default, else none. */
function profileText(override: string | undefined, fallback: string | undefined, none: string): { value: string; how: string } {
  if (override === 'none' || override === 'direct') return { value: none, how: 'chosen for this tab' };
  if (override) return { value: override, how: 'chosen for this tab' };
  if (fallback) return { value: fallback, how: 'the request’s default' };
  return { value: none, how: 'none set' };
}

export function StatusBar() {
  const draft = useActiveDraft();
  const root = useWorkspaceStore((s) => s.root);
  const env = useWorkspaceStore((s) => s.env);
  const override = useProfileOverrides((s) => s.byTab[draft.id]);
  const exchange = useExchange(draft.id);
  const defaultVersion = useSettingsStore((s) => s.values?.httpVersion ?? 'auto');
  const watches = useWatchStore((s) => s.watches.filter((w) => !w.ended).length);
  const openPalette = usePaletteStore((s) => s.show);
  const key = profileText(override?.key, draft.profiles?.key, 'none');
  const gateway = profileText(override?.gateway, draft.profiles?.gateway, 'direct');
  const asked = draft.options?.httpVersion ?? defaultVersion;
  const spoke = exchange.state === 'done' ? exchange.record.httpVersion : null;
  return (
    <footer className="status-bar" aria-label="Status bar">
      <Item label="Env" value={env ?? 'none'} muted={!env} title={root ? 'Environment of the workspace (top bar)' : 'Open a workspace to use environments'} />
      <Item label="Key" value={key.value} muted={key.value === 'none'} title={`Key profile of this tab: ${key.how}`} />
      <Item label="Gateway" value={gateway.value} muted={gateway.value === 'direct'} title={`Gateway profile of this tab: ${gateway.how}`} />
      <Item label="HTTP" value={spoke ? `HTTP/${spoke}` : VERSION_LABEL[asked]}
        title={spoke ? `The last response came over HTTP/${spoke}; the next send asks for ${VERSION_LABEL[asked]}`
          : `The next send asks for ${VERSION_LABEL[asked]} (${draft.options?.httpVersion ? 'this request' : 'Settings'})`} />
      {watches > 0 && <Item label="Watching" value={String(watches)} title="Watches running (top bar: the list, Stop)" />}
      <span className="status-spacer" />
      <button type="button" className="status-palette" onClick={openPalette} title="Every action, the open tabs and the workspace’s requests">
        <kbd>{shortcutLabel('CmdOrCtrl+K', MAC)}</kbd> Commands
      </button>
    </footer>
  );
}
