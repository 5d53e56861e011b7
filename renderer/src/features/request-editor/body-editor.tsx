import { useState } from 'react';
import type { BodyKind } from '../../../../shared/model';
import { Button, CodeEditor, KeyValueTable, type KvRow } from '../../ui';
import type { Draft, PartRow } from './draft';
import { formatJson } from './json-check';
import { useJsonCheck } from './use-json-check';
import { canPickFiles, pickFilePath } from './pick-file';
import { useRequestEditorStore } from './request-editor.store';

const KINDS: { kind: BodyKind; label: string }[] = [
  { kind: 'none', label: 'None' },
  { kind: 'json', label: 'JSON' },
  { kind: 'text', label: 'Text' },
  { kind: 'form', label: 'Form URL-encoded' },
  { kind: 'multipart', label: 'Multipart' },
  { kind: 'binary', label: 'Binary file' },
];

const blankKv = (): KvRow => ({ name: '', value: '', enabled: true });
const blankPart = (): PartRow => ({ name: '', value: '', enabled: true, isFile: false });

/** Valid or where it breaks ({{variables}} count as values), and Format (2 spaces, variables kept). */
function JsonBar({ text, onFormat }: { text: string; onFormat(text: string): void }) {
  const check = useJsonCheck(text);
  return (
    <div className="json-bar">
      {/* Not a live region: a screen reader would hear it on every keystroke. */}
      <span data-testid="json-check" className={check.ok === true ? 'json-ok' : check.ok === 'checking' ? 'json-checking' : 'json-bad'}>
        {check.ok === true ? 'Valid JSON' : check.ok === 'checking' ? 'Checking…' : `Line ${check.line}, column ${check.column}: ${check.message}`}
      </span>
      <Button size="sm" variant="ghost" disabled={check.ok !== true} title="Pretty-print with 2 spaces ({{variables}} kept)"
        onClick={() => { const out = formatJson(text); if (out !== null) onFormat(out); }}>Format</Button>
    </div>
  );
}

/** A file path field with the native picker beside it (desktop); the browser UI types the path. */
function FilePath({ value, onChange, label, placeholder }: { value: string; onChange(path: string): void; label: string; placeholder: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="file-path">
      <input className="kv-input mono" value={value} placeholder={placeholder} aria-label={label} spellCheck={false}
        onChange={(e) => onChange(e.target.value)} />
      {canPickFiles && (
        <button type="button" className="file-pick-btn" aria-label={`Choose ${label.toLowerCase()}`} title="Choose a file"
          onClick={() => void pickFilePath(label).then((p) => { setError(null); if (p) onChange(p); }, (err: Error) => setError(err.message))}>
          Choose…
        </button>
      )}
      {error && <span className="inline-error" role="alert">{error}</span>}
    </span>
  );
}

export function BodyEditor({ draft }: { draft: Draft }) {
  const setBody = useRequestEditorStore((s) => s.setBody);
  const b = draft.body;
  const set = (p: Partial<Draft['body']>) => setBody(draft.id, p);
  return (
    <div className="body-editor">
      <div className="body-kinds" role="radiogroup" aria-label="Body type">
        {KINDS.map((k) => (
          <label key={k.kind} className={`body-kind ${b.kind === k.kind ? 'active' : ''}`}>
            <input type="radio" name={`body-kind-${draft.id}`} checked={b.kind === k.kind} onChange={() => set({ kind: k.kind })} />
            {k.label}
          </label>
        ))}
        {b.kind === 'text' && (
          <input className="kv-input mono content-type-input" aria-label="Content type" placeholder="text/plain"
            value={b.textContentType} onChange={(e) => set({ textContentType: e.target.value })} />
        )}
      </div>
      {b.kind === 'none' && <p className="empty-note">This request has no body.</p>}
      {b.kind === 'json' && <>
        <JsonBar text={b.json} onFormat={(json) => set({ json })} />
        <CodeEditor value={b.json} language="json" label="JSON body" onChange={(json) => set({ json })} />
      </>}
      {b.kind === 'text' && <CodeEditor value={b.text} language="plaintext" label="Text body" onChange={(text) => set({ text })} />}
      {b.kind === 'form' && (
        <div className="scroll-area">
          <KeyValueTable rows={b.form} onChange={(form) => set({ form })} noun="field" blank={blankKv} />
        </div>
      )}
      {b.kind === 'multipart' && (
        <div className="scroll-area">
          <KeyValueTable<PartRow>
            rows={b.multipart} onChange={(multipart) => set({ multipart })} noun="part" blank={blankPart}
            valuePlaceholder={(r) => (r.isFile ? '/path/to/file' : 'Value')}
            extra={{
              header: 'Type',
              render: (row, update) => (
                <span className="part-type">
                  <select className="kv-select" aria-label="Part type" value={row.isFile ? 'file' : 'text'}
                    onChange={(e) => update({ isFile: e.target.value === 'file' })}>
                    <option value="text">Text</option>
                    <option value="file">File</option>
                  </select>
                  {row.isFile && canPickFiles && (
                    <button type="button" className="file-pick-btn" aria-label={`Choose the file of part ${row.name || 'without a name'}`}
                      onClick={() => void pickFilePath(`File for part ${row.name}`).then((p) => { if (p) update({ value: p }); },
                        (err: Error) => console.warn(`app.pickFile: ${err.message}`))}>Choose…</button>
                  )}
                </span>
              ),
            }}
          />
        </div>
      )}
      {b.kind === 'binary' && (
        <div className="binary-body">
          <div className="field">
            <span>File path</span>
            <FilePath value={b.binaryFile} label="File path" placeholder="/path/to/file.bin" onChange={(binaryFile) => set({ binaryFile })} />
          </div>
          <label className="field">
            <span>Content type</span>
            <input className="kv-input mono" value={b.binaryContentType} placeholder="application/octet-stream"
              onChange={(e) => set({ binaryContentType: e.target.value })} />
          </label>
        </div>
      )}
    </div>
  );
}
