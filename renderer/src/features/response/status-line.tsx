import type { Explanation } from '../../../../shared/explain';
import type { ResponseRecord } from '../../../../shared/model';
import { causePhrase } from '../explain/explanation-view';
import { formatBytes, formatMs } from '../../lib/format';
import { StatusBadge } from '../../ui';

/** `403 Forbidden · 38 ms · 231 B · HTTP/1.1 · 127.0.0.1:8080` */
export function StatusLine({ record, explanation, blocked = false }: { record: ResponseRecord; explanation?: Explanation; blocked?: boolean }) {
  const size = record.size.headers + record.size.bodyWire;
  const compressed = record.size.bodyWire !== record.size.bodyDecoded;
  return (
    <div className="status-line" aria-label="Response status">
      <StatusBadge status={record.status} text={record.statusText} tone={blocked ? 'refused' : undefined} />
      {blocked && (
        <span className="refused-chip" aria-label="Refused" title={explanation?.producer ? `Refused by ${explanation.producer.name}` : 'Refused'}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden><circle cx="8" cy="8" r="7" fill="currentColor" /><rect x="4" y="7" width="8" height="2" rx="1" fill="var(--refused)" /></svg>
          Refused{explanation && explanation.cause !== 'none' && explanation.cause !== 'other' ? <> · {causePhrase(explanation.cause)}</> : null}
        </span>
      )}
      <span className="status-meta" title="Total time">
        <span className="meta-label">Time</span> {formatMs(record.timings.total)}
      </span>
      <span className="status-meta" title={`Headers ${formatBytes(record.size.headers)}, body ${formatBytes(record.size.bodyWire)} on the wire${compressed ? `, ${formatBytes(record.size.bodyDecoded)} decoded` : ''}`}>
        <span className="meta-label">Size</span> {formatBytes(size)}
        {compressed && <span className="meta-sub"> ({formatBytes(record.size.bodyDecoded)} decoded)</span>}
      </span>
      <span className="status-meta muted">HTTP/{record.httpVersion.replace(/^HTTP\//i, '')}</span>
      {record.remoteAddress && <span className="status-meta muted mono">{record.remoteAddress}</span>}
      {record.redirects.length > 0 && (
        <span className="status-meta muted">{record.redirects.length} redirect{record.redirects.length > 1 ? 's' : ''}</span>
      )}
    </div>
  );
}
