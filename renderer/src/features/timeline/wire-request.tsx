import type { RedirectHop, WireRequest } from '../../../../shared/model';
import { formatBytes } from '../../lib/format';
import { maskParams, maskSecret } from './event-display';

const ORIGIN_HINT: Record<string, string> = {
  user: 'You set this header',
  default: 'Added by Clearance by default',
  computed: 'Computed from the request (host, length, body type)',
  auth: 'Added by the key profile',
  gateway: 'Added by the gateway profile',
  folder: 'Default header of the request\'s folder (folder.yaml)',
  collection: 'Default header of the collection (clearance.yaml)',
  environment: 'Added by the environment',
};

/** Credentials: headers the engine marks sensitive and every header a key profile added. */
export const isSecret = (h: WireRequest['headers'][number]) => h.sensitive === true || h.origin === 'auth';
const masked = maskSecret;

interface WireRequestProps {
  wire: WireRequest;
  /** secrets shown in clear (the panel's one switch, shared with the event list) */
  reveal: boolean;
  /** shown when the panel holds a secret anywhere: flips `reveal` */
  onToggleReveal: (() => void) | undefined;
}

/** The final hop exactly as sent: request line and every header with where it came from; secret values masked until revealed. */
export function WireRequestView({ wire, reveal, onToggleReveal }: WireRequestProps) {
  return (
    <div className="wire">
      <div className="wire-line mono">{reveal ? wire.requestLine : maskParams(wire.requestLine, wire.sensitiveParams ?? [])}</div>
      <table className="data-table wire-headers">
        <tbody>
          {wire.headers.map((h, i) => (
            <tr key={i}>
              <td className="mono header-name">{h.name}</td>
              <td className="mono header-value">{isSecret(h) && !reveal ? <span className="secret-masked" title="Secret: masked">{masked(h.value)}</span> : h.value}</td>
              <td className="wire-origin">
                <span className={`origin-badge origin-${h.origin}`} title={ORIGIN_HINT[h.origin]}>{h.origin}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="wire-foot muted">
        {wire.bodyBytes === null ? 'No body' : `Body ${formatBytes(wire.bodyBytes)}`}
        {wire.proxy && <> · via proxy <span className="mono">{wire.proxy}</span></>}
        {onToggleReveal && <> · <button type="button" className="link-btn" aria-pressed={reveal} onClick={onToggleReveal}>{reveal ? 'Hide secrets' : 'Reveal secrets'}</button></>}
      </div>
    </div>
  );
}

/** Each hop; the values of `params` (query parameters holding a secret) masked unless `reveal`. */
export function RedirectList({ hops, params = [], reveal = false }: { hops: RedirectHop[]; params?: readonly string[]; reveal?: boolean }) {
  const url = (u: string): string => (reveal ? u : maskParams(u, params));
  return (
    <ol className="redirects">
      {hops.map((h, i) => (
        <li key={i} className="redirect-hop">
          <div className="mono">
            <span className="redirect-status">{h.status}</span> {h.method} {url(h.from)}
            <span className="redirect-arrow"> → </span>{url(h.location)}
            {h.crossOrigin && <span className="chip chip-warn">cross-origin</span>}
          </div>
          {(h.droppedHeaders.length > 0 || h.droppedBody) && (
            <div className="redirect-dropped">
              Dropped:{' '}
              {h.droppedHeaders.map((d) => <span key={d} className="chip chip-dropped mono">{d}</span>)}
              {h.droppedBody && <span className="chip chip-dropped">body</span>}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
