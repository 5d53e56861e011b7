import type { VarRow } from './folder-settings-form';

/** Name/value rows of a folder's variables; secrets show as secret (declared in the file, value in the keychain) and stay as they are. */
export function FolderVariables({ rows, onChange }: { rows: VarRow[]; onChange(rows: VarRow[]): void }) {
  const all = [...rows, { name: '', value: '' }];
  const update = (i: number, patch: Partial<VarRow>) => {
    if (i === rows.length) onChange([...rows, { name: '', value: '', ...patch }]);
    else onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  return (
    <table className="kv-table folder-vars">
      <thead><tr><th>Name</th><th>Value</th><th className="kv-actions"><span className="visually-hidden">Actions</span></th></tr></thead>
      <tbody>
        {all.map((row, i) => {
          const phantom = i === rows.length;
          const label = phantom ? 'New variable' : `Variable ${i + 1}`;
          if (row.secret) {
            return (
              <tr key={i} className="folder-var-secret">
                <td className="mono">{row.name}</td>
                <td>
                  <span className="secret-chip" title="A secret: its value is kept in the OS keychain (or the env var), never in this file. Edit the declaration in the YAML file.">
                    secret{row.secret.env ? <> · env <code>{row.secret.env}</code></> : null}
                  </span>
                </td>
                <td className="kv-actions" />
              </tr>
            );
          }
          return (
            <tr key={i} className={phantom ? 'kv-phantom' : ''}>
              <td><input className="kv-input mono" value={row.name} placeholder="name" aria-label={`${label} name`} spellCheck={false}
                onChange={(e) => update(i, { name: e.target.value })} /></td>
              <td><input className="kv-input mono" value={row.value} placeholder="value" aria-label={`${label} value`} spellCheck={false}
                onChange={(e) => update(i, { value: e.target.value })} /></td>
              <td className="kv-actions">
                {!phantom && <button type="button" className="icon-btn" aria-label={`Remove ${label.toLowerCase()}`} title="Remove"
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</button>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
