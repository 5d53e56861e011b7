// Params or headers: the key/value table, or the same rows as text (bulk edit, Postman's
// `Name: value` lines, `//` for a disabled row). Switching back and forth keeps the rows exactly.
import { useEffect, useState, type ReactNode } from 'react';
import { KeyValueTable, type KvRow } from '../../ui';
import { bulkBlocker, rowsToText, textToRows } from './bulk-edit';

interface KvSectionProps {
  rows: KvRow[];
  onChange(rows: KvRow[]): void;
  noun: 'param' | 'header';
  namePlaceholder?: string;
  /** under the table (the headers Clearance adds) */
  after?: ReactNode;
}

const blank = (): KvRow => ({ name: '', value: '', enabled: true });
const same = (a: KvRow[], b: KvRow[]) => rowsToText(a) === rowsToText(b);

function BulkText({ rows, onChange, noun }: Pick<KvSectionProps, 'rows' | 'onChange' | 'noun'>) {
  const [text, setText] = useState(() => rowsToText(rows));
  // Rows changed elsewhere (the URL field edits params): show them, unless the text already says so.
  useEffect(() => {
    setText((t) => (same(textToRows(t), rows) ? t : rowsToText(rows)));
  }, [rows]);
  return (
    <textarea className="bulk-text mono" aria-label={`${noun === 'param' ? 'Params' : 'Headers'} as text`} spellCheck={false}
      placeholder={noun === 'param' ? 'limit: 10\n//page: 2' : 'Accept: application/json\n//X-Debug: 1'}
      value={text} onChange={(e) => { setText(e.target.value); onChange(textToRows(e.target.value)); }} />
  );
}

export function KvSection({ rows, onChange, noun, namePlaceholder, after }: KvSectionProps) {
  const [bulk, setBulk] = useState(false);
  const blocker = bulkBlocker(rows);
  return (
    <div className="scroll-area kv-section">
      <div className="kv-section-bar">
        {bulk && <span className="muted kv-section-hint">One <code>Name: value</code> per line; <code>//</code> at the start disables a {noun}.</span>}
        <button type="button" className="link-btn kv-mode-btn" aria-pressed={bulk} disabled={!bulk && blocker !== null}
          title={!bulk && blocker ? `Bulk edit cannot show these rows: ${blocker}` : bulk ? 'Back to the table' : 'Edit the rows as text'}
          onClick={() => setBulk(!bulk)}>{bulk ? 'Key-value edit' : 'Bulk edit'}</button>
      </div>
      {bulk ? <BulkText rows={rows} onChange={onChange} noun={noun} />
        : <KeyValueTable rows={rows} onChange={onChange} noun={noun} blank={blank} namePlaceholder={namePlaceholder} />}
      {after}
    </div>
  );
}
