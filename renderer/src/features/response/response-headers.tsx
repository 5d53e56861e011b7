import type { ResponseRecord } from '../../../../shared/model';

/** Headers in arrival order, duplicates kept (Set-Cookie, Via…). */
export function ResponseHeaders({ record }: { record: ResponseRecord }) {
  if (record.headers.length === 0) return <p className="empty-note">No headers.</p>;
  return (
    <div className="scroll-area">
      <table className="data-table headers-table">
        <thead><tr><th>Name</th><th>Value</th></tr></thead>
        <tbody>
          {record.headers.map(([name, value], i) => (
            <tr key={i}>
              <td className="mono header-name">{name}</td>
              <td className="mono header-value">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
