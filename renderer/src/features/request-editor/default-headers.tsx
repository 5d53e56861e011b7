// Under the Headers table: what is sent besides the rows (greyed), each default with a switch.
import type { OmittableHeader } from '../../../../shared/model';
import { useAppVersion } from './app-version';
import { toRequestSpec, type Draft } from './draft';
import { engineHeaderRows } from './engine-headers';
import { useRequestEditorStore } from './request-editor.store';
import { useResolvedStore } from './resolved.store';

const ORIGIN_LABEL = { computed: 'computed', default: 'default', folder: 'folder', collection: 'collection' } as const;

export function DefaultHeaders({ draft }: { draft: Draft }) {
  const version = useAppVersion();
  const setOmitted = useRequestEditorStore((s) => s.setOmitted);
  const resolved = useResolvedStore((s) => s.byTab[draft.id]?.result);
  const spec = toRequestSpec(draft);
  const rows = engineHeaderRows({
    url: spec.url, method: draft.method, body: spec.body, version,
    userNames: spec.headers.map((h) => h.name),
    omit: draft.options.omitDefaultHeaders ?? [],
    decompress: draft.options.decompression?.enabled !== false,
    injected: draft.file && resolved ? resolved.injectedHeaders : [],
  });
  const key = draft.file && resolved?.key ? resolved.key : draft.profiles?.key || null;
  const gateway = draft.file && resolved?.gateway ? resolved.gateway : draft.profiles?.gateway || null;
  return (
    <section className="engine-headers" aria-label="Headers Clearance adds">
      <h3 className="engine-headers-title">Added when sent <span className="muted">· switch a default off to leave it out</span></h3>
      <table className="kv-table engine-headers-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className={`engine-row${r.off || r.replaced ? ' is-off' : ''}`} title={r.note}>
              <td className="kv-check">
                {r.omit ? (
                  <input type="checkbox" role="switch" checked={!r.off} disabled={r.replaced} aria-label={`Send ${r.name}`}
                    onChange={(e) => setOmitted(draft.id, r.omit as OmittableHeader, !e.target.checked)} />
                ) : <span className="engine-lock" aria-hidden title="Always sent">•</span>}
              </td>
              <td className="mono engine-name">{r.name}</td>
              <td className="mono engine-value">
                {r.replaced ? <span className="muted">your {r.name} row is sent instead</span> : r.off ? <span className="muted">not sent</span> : r.value}
              </td>
              <td className="engine-origin"><span className={`origin-badge origin-${r.origin}`}>{ORIGIN_LABEL[r.origin]}</span></td>
            </tr>
          ))}
          {(key || gateway) && (
            <tr className="engine-row" title="Placed at send time by the profiles chosen under Key & gateway">
              <td className="kv-check"><span className="engine-lock" aria-hidden>•</span></td>
              <td className="mono engine-name">{key ? 'credentials' : 'gateway headers'}</td>
              <td className="mono engine-value muted">
                {[key && `key profile ${key}`, gateway && `gateway ${gateway}`].filter(Boolean).join(' · ')} add theirs when sent
              </td>
              <td className="engine-origin"><span className={`origin-badge origin-${key ? 'auth' : 'gateway'}`}>{key ? 'auth' : 'gateway'}</span></td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
