import { useEffect, useRef } from 'react';
import type { ResponseRecord } from '../../../../shared/model';
import { centerInScroller } from '../../lib/find-text';

/** A header to highlight (evidence chosen in the explanation card); a new nonce scrolls to it again. */
export interface HeaderHighlight {
  name: string;
  text?: string;
  nonce: number;
}

function matches(h: HeaderHighlight, name: string, value: string): boolean {
  if (name.toLowerCase() !== h.name.toLowerCase()) return false;
  return !h.text || value.toLowerCase().includes(h.text.toLowerCase());
}

/** Headers in arrival order, duplicates kept (Set-Cookie, Via…). */
export function ResponseHeaders({ record, highlight = null }: { record: ResponseRecord; highlight?: HeaderHighlight | null }) {
  const first = useRef<HTMLTableRowElement>(null);
  // A header repeated with other values: highlight the one holding the text, or all of that name.
  const hit = highlight && record.headers.some(([n, v]) => matches(highlight, n, v))
    ? highlight : highlight && { ...highlight, text: undefined };
  const firstIndex = hit ? record.headers.findIndex(([n, v]) => matches(hit, n, v)) : -1;
  useEffect(() => {
    centerInScroller(first.current);
  }, [hit?.nonce, firstIndex]);
  if (record.headers.length === 0) return <p className="empty-note">No headers.</p>;
  // tabIndex: read-only content, so the keyboard can reach it to scroll it.
  return (
    <div className="scroll-area" tabIndex={0}>
      <table className="data-table headers-table">
        <thead><tr><th>Name</th><th>Value</th></tr></thead>
        <tbody>
          {record.headers.map(([name, value], i) => {
            const on = hit !== null && matches(hit, name, value);
            return (
              <tr key={i} ref={i === firstIndex ? first : undefined} className={on ? 'row-highlight' : undefined}
                aria-current={on ? 'true' : undefined} data-highlighted={on ? 'true' : undefined}>
                <td className="mono header-name">{name}</td>
                <td className="mono header-value">{value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
