import { Button } from '../../ui';
import { useProfilesStore } from '../profiles';
import { EnvSelect } from '../resolve';
import { WatchControl, type WatchSource } from '../watch';
import { useWorkspaceStore } from '../workspace';
import { chosenGateways, chosenKeys, gatewayOptions, keyOptions, useMatrixStore } from './matrix.store';
import { GridIcon } from './matrix-icon';
import { DIRECT, NO_KEY } from './matrix-model';

const StopIcon = () => <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden><rect x="3" y="3" width="10" height="10" rx="1.5" fill="currentColor" /></svg>;
const CheckIcon = () => (
  <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden><path d="m3.5 8.5 3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" /></svg>
);

const BASELINE: Record<string, string> = { [NO_KEY]: 'no key', [DIRECT]: 'no gateway' };

/** One line of checkboxes: the profiles of one axis, the baseline last. */
function Picks({ label, names, off, disabled, onToggle }: { label: string; names: string[]; off: string[]; disabled: boolean; onToggle(n: string): void }) {
  return (
    <fieldset className="mx-picks" disabled={disabled}>
      <legend>{label}</legend>
      {names.map((n) => (
        <label key={n} className={`mx-pick${off.includes(n) ? '' : ' is-on'}`} title={BASELINE[n] ? `${n}: ${BASELINE[n]} (the baseline)` : `${label.slice(0, -1)} profile ${n}`}>
          <input type="checkbox" checked={!off.includes(n)} onChange={() => onToggle(n)} />
          <span className={BASELINE[n] ? 'mx-pick-base' : undefined}>{n}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** What the matrix audits, its columns (keys × gateways), env and unsafe methods; Run / Stop, Watch and Accept. */
export function MatrixHeader({ rowCount }: { rowCount: number }) {
  const s = useMatrixStore();
  useProfilesStore((p) => p.keys);
  useProfilesStore((p) => p.gateways);
  const env = useWorkspaceStore((w) => w.env);
  const workspace = useWorkspaceStore((w) => w.snapshot?.file.name ?? 'Workspace');
  const { run, target } = s;
  const running = run?.running === true;
  const shown = running && run ? run.target : target;
  if (!shown) return null;
  const keys = chosenKeys(s);
  const gateways = chosenGateways(s);
  const columns = keys.length * gateways.length;
  const canAccept = Boolean(run?.matrix) && !running && !run?.accepted && (run?.comparison === null || (run?.comparison?.drift.length ?? 0) > 0);
  const source: WatchSource | null = columns ? { kind: 'matrix', target: shown.path, name: shown.path === '' ? workspace : shown.name,
    env: env ?? undefined, keys, gateways, allowUnsafe: s.allowUnsafe } : null;
  return (
    <header className="runner-head mx-head">
      <div className="runner-title">
        <span className="runner-title-icon"><GridIcon size={16} /></span>
        <div className="runner-title-text">
          <h2>Access matrix · {shown.path === '' ? workspace : shown.name}</h2>
          <span className="runner-subtitle">
            {shown.path === '' ? 'Every request of the workspace' : <span className="mono">{shown.path}/</span>}
            {` · ${rowCount} request${rowCount === 1 ? '' : 's'} × ${columns} column${columns === 1 ? '' : 's'} = ${rowCount * columns} cells`}
          </span>
        </div>
        <div className="runner-actions">
          <WatchControl source={source} disabled={running} />
          {canAccept && (
            <Button onClick={() => void s.accept()} title="Write the observed answers into access.yaml as the expected access (you confirm first)">
              <CheckIcon /> Accept as expected
            </Button>
          )}
          {running && run ? (
            <Button variant="danger" onClick={() => void s.stop()} disabled={run.stopping} title="Abort the sends in flight; the cells not sent stay empty">
              <StopIcon /> {run.stopping ? 'Stopping…' : 'Stop'}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => void s.start()} disabled={!columns || !rowCount}><GridIcon /> {run ? 'Run again' : 'Run'}</Button>
          )}
        </div>
      </div>
      <div className="runner-settings mx-settings" role="group" aria-label="Matrix settings">
        <EnvSelect />
        <Picks label="Keys" names={keyOptions()} off={s.keysOff} disabled={running} onToggle={s.toggleKey} />
        <Picks label="Gateways" names={gatewayOptions()} off={s.gatewaysOff} disabled={running} onToggle={s.toggleGateway} />
        <label className="runner-check" title="Also send POST, PUT, PATCH and DELETE (by default only GET, HEAD and OPTIONS are sent; the others are skip cells)">
          <input type="checkbox" checked={s.allowUnsafe} disabled={running} onChange={(e) => s.setAllowUnsafe(e.target.checked)} />
          Include unsafe methods
        </label>
      </div>
    </header>
  );
}
