import './secrets.css';
import { Button, Dialog } from '../../ui';
import { closeSecrets, moveAllSecrets, ownerText, useSecretsStore, type WorkspaceSecret } from './secrets.store';

const PLACE: Record<'keychain' | 'local-store', string> = { keychain: 'keychain', 'local-store': 'local store' };

/** Where a send takes the value from, then any other copy kept: never the value. */
function Where({ s }: { s: WorkspaceSecret }) {
  const others = s.stored.filter((x) => x !== s.source);
  return (
    <span className="secrets-where">
      {s.source === 'env' && <span className="secrets-chip chip-env">env {s.env}</span>}
      {(s.source === 'keychain' || s.source === 'local-store') && <span className={`secrets-chip chip-${s.source}`}>{PLACE[s.source]}</span>}
      {s.source === 'missing' && <span className="secrets-chip chip-missing">missing</span>}
      {s.source === 'missing' && s.env && <span className="secrets-aside">env <code>{s.env}</code> unset</span>}
      {others.map((x) => <span key={x} className="secrets-chip chip-also" title="another copy, not used while the one before it exists">also {PLACE[x]}</span>)}
    </span>
  );
}

function SecretsTable({ secrets }: { secrets: WorkspaceSecret[] }) {
  return (
    <table className="secrets-table" aria-label="Secrets">
      <thead><tr><th>Owner</th><th>Name</th><th>Where</th></tr></thead>
      <tbody>
        {secrets.map((s) => (
          <tr key={`${s.scope}/${s.owner}/${s.name}`}>
            <td>{ownerText(s)}</td>
            <td className="mono">{s.name}</td>
            <td><Where s={s} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The open workspace's secrets and where each lives; moves them all to the keychain or the local store. */
export function SecretsDialogHost() {
  const { open, report, error, notice, moving } = useSecretsStore();
  if (!open) return null;
  const stored = report?.secrets.some((s) => s.stored.length > 0) ?? false;
  const notes = [...new Set(report?.secrets.flatMap((s) => (s.note ? [s.note] : [])) ?? [])];
  return (
    <Dialog title="Secrets" wide onClose={closeSecrets} footer={<>
      <Button disabled={!stored || moving !== null} onClick={() => void moveAllSecrets('keychain')}>
        {moving === 'keychain' ? 'Moving…' : 'Move all to keychain'}
      </Button>
      <Button disabled={!stored || moving !== null} onClick={() => void moveAllSecrets('local-store')}>
        {moving === 'local-store' ? 'Moving…' : 'Move all to local store'}
      </Button>
      <Button variant="primary" onClick={closeSecrets}>Close</Button>
    </>}>
      <div className="secrets-dialog">
        {!report && !error && <p className="muted">Loading…</p>}
        {report && (
          <>
            <p className="muted small">
              Values never live in the workspace. A send takes each from its <code>env:</code> variable, else the OS keychain, else the
              local store <span className="mono selectable">{report.localStore}</span> (readable by you alone).
            </p>
            {report.secrets.length ? <SecretsTable secrets={report.secrets} />
              : <p className="empty-note">No secrets declared (no <code>secret: true</code> in environments/, keys/ or gateways/).</p>}
            {notes.map((n) => <p key={n} className="muted small">Keychain: {n}</p>)}
            {report.problems.map((p) => <p key={p} className="form-error">Not listed: {p}</p>)}
          </>
        )}
        {notice && <p className="secrets-notice" role="status">{notice}</p>}
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
    </Dialog>
  );
}
