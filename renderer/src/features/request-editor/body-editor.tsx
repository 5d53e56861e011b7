import type { BodyKind } from '../../../../shared/model';
import { CodeEditor, KeyValueTable, type KvRow } from '../../ui';
import type { Draft, PartRow } from './draft';
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
      {b.kind === 'json' && <CodeEditor value={b.json} language="json" label="JSON body" onChange={(json) => set({ json })} />}
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
                <select className="kv-select" aria-label="Part type" value={row.isFile ? 'file' : 'text'}
                  onChange={(e) => update({ isFile: e.target.value === 'file' })}>
                  <option value="text">Text</option>
                  <option value="file">File</option>
                </select>
              ),
            }}
          />
        </div>
      )}
      {b.kind === 'binary' && (
        <div className="binary-body">
          <label className="field">
            <span>File path</span>
            <input className="kv-input mono" value={b.binaryFile} placeholder="/path/to/file.bin"
              onChange={(e) => set({ binaryFile: e.target.value })} />
          </label>
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
