import { useProfilesStore, type GatewayEntry, type KeyEntry, type ProfileKind } from './profiles.store';

function keyDetail(e: KeyEntry): { text: string; bad: boolean } {
  if (e.problem) return { text: 'broken file', bad: true };
  if (e.jwt?.expired) return { text: 'expired', bad: true };
  if (e.secrets.some((s) => s.source === 'missing')) return { text: 'no secret', bad: true };
  return { text: e.profile?.kind ?? '', bad: false };
}

function gatewayDetail(e: GatewayEntry): { text: string; bad: boolean } {
  if (e.problem) return { text: 'broken file', bad: true };
  if (e.secrets.some((s) => s.source === 'missing')) return { text: 'no secret', bad: true };
  return { text: e.profile?.preset ?? (e.profile?.rewrite ? 'rewrite' : ''), bad: false };
}

const Plus = () => <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden><path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /></svg>;

/** The "+" in a sidebar section heading: a new key or gateway profile. */
export function NewProfileButton({ kind }: { kind: ProfileKind }) {
  const open = useProfilesStore((s) => s.openEditor);
  const label = kind === 'key' ? 'New key profile' : 'New gateway profile';
  return <button type="button" className="head-btn" aria-label={label} title={label} onClick={() => open(kind, null)}><Plus /></button>;
}

function List({ kind, items, empty }: { kind: ProfileKind; items: Array<{ name: string; path: string; detail: { text: string; bad: boolean } }>; empty: string }) {
  const open = useProfilesStore((s) => s.openEditor);
  if (items.length === 0) return <p className="sidebar-hint">{empty}</p>;
  return (
    <ul className="name-list" aria-label={kind === 'key' ? 'Key profiles' : 'Gateways'}>
      {items.map((i) => (
        <li key={i.path}>
          <button type="button" className="name-row name-row-btn" title={`${i.path} — click to edit`} onClick={() => open(kind, i.name)}>
            <span className="name-row-name">{i.name}</span>
            {i.detail.text && <span className={`name-row-detail${i.detail.bad ? ' is-bad' : ''}`}>{i.detail.text}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Key profiles of the workspace: click to edit; the detail says the kind or what is wrong (no secret, expired). */
export function KeyProfileList() {
  const keys = useProfilesStore((s) => s.keys);
  return <List kind="key" empty="No key profiles: + adds one." items={keys.map((k) => ({ name: k.name, path: k.path, detail: keyDetail(k) }))} />;
}

export function GatewayProfileList() {
  const gateways = useProfilesStore((s) => s.gateways);
  return <List kind="gateway" empty="No gateways: requests go direct. + adds one." items={gateways.map((g) => ({ name: g.name, path: g.path, detail: gatewayDetail(g) }))} />;
}
