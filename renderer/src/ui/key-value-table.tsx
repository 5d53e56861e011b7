import type { ReactNode } from 'react';

export interface KvRow {
  name: string;
  value: string;
  enabled: boolean;
}

interface KeyValueTableProps<R extends KvRow> {
  rows: readonly R[];
  onChange(rows: R[]): void;
  /** Singular noun used in labels: "header" gives "Header 1 name", "New header name". */
  noun: string;
  /** Builds a fresh row when the user types into the trailing blank row. */
  blank(): R;
  namePlaceholder?: string;
  valuePlaceholder?: string | ((row: R) => string);
  /** Optional extra cell per row (e.g. text/file for multipart). */
  extra?: { header: string; render(row: R, update: (patch: Partial<R>) => void): ReactNode };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Postman-style table: enable checkbox, name, value, remove; typing in the last blank row adds one. */
export function KeyValueTable<R extends KvRow>(props: KeyValueTableProps<R>) {
  const { rows, onChange, noun, blank, extra } = props;
  const update = (i: number, patch: Partial<R>) => {
    if (i === rows.length) onChange([...rows, { ...blank(), ...patch }]);
    else onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));
  const all = [...rows, blank()];
  const valuePh = (r: R) =>
    typeof props.valuePlaceholder === 'function' ? props.valuePlaceholder(r) : (props.valuePlaceholder ?? 'Value');

  return (
    <table className="kv-table">
      <thead>
        <tr>
          <th className="kv-check"><span className="visually-hidden">Enabled</span></th>
          <th>Name</th>
          {extra && <th className="kv-extra">{extra.header}</th>}
          <th>Value</th>
          <th className="kv-actions"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {all.map((row, i) => {
          const phantom = i === rows.length;
          const label = phantom ? `New ${noun}` : `${cap(noun)} ${i + 1}`;
          return (
            <tr key={i} className={phantom ? 'kv-phantom' : row.enabled ? '' : 'kv-disabled'}>
              <td className="kv-check">
                {!phantom && (
                  <input type="checkbox" checked={row.enabled} aria-label={`Enable ${label.toLowerCase()}`}
                    onChange={(e) => update(i, { enabled: e.target.checked } as Partial<R>)} />
                )}
              </td>
              <td>
                <input className="kv-input mono" value={row.name} placeholder={props.namePlaceholder ?? 'Name'}
                  aria-label={`${label} name`} spellCheck={false}
                  onChange={(e) => update(i, { name: e.target.value } as Partial<R>)} />
              </td>
              {extra && <td className="kv-extra">{extra.render(row, (p) => update(i, p))}</td>}
              <td>
                <input className="kv-input mono" value={row.value} placeholder={valuePh(row)}
                  aria-label={`${label} value`} spellCheck={false}
                  onChange={(e) => update(i, { value: e.target.value } as Partial<R>)} />
              </td>
              <td className="kv-actions">
                {!phantom && (
                  <button type="button" className="icon-btn" aria-label={`Remove ${label.toLowerCase()}`}
                    title="Remove" onClick={() => remove(i)}>×</button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
