import './import.css';
import { Button, Dialog } from '../../ui';
import { readPickedFolder } from './folder-read';
import { useImportStore, type ImportFormat, type ImportSummary } from './import.store';

const FORMATS: Array<[ImportFormat, string]> = [
  ['auto', 'Detect automatically'], ['postman', 'Postman collection v2.x'], ['insomnia', 'Insomnia export'],
  ['bruno', 'Bruno collection (folder)'], ['openapi', 'OpenAPI 3'], ['har', 'HAR (browser network log)'], ['curl', 'curl commands'],
];
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;

/** The two ways in: one file, or a Bruno collection's folder (read with its subfolders). */
function Picks() {
  const s = useImportStore();
  return (
    <div className="import-picks">
      <label className={`import-drop${s.file ? ' has-file' : ''}`}>
        <input type="file" aria-label="File to import" className="visually-hidden"
          accept=".json,.yaml,.yml,.har,.txt,.sh" onChange={(e) => { const f = e.target.files?.[0]; if (f) void s.pick(f); }} />
        {s.file ? <><b className="mono">{s.file.name}</b><span className="muted">{kb(s.file.content.length)} · choose another</span></>
          : <><b>Choose a file</b><span className="muted">or drop it anywhere on the window: Postman, Insomnia, OpenAPI, HAR, curl</span></>}
      </label>
      <label className={`import-drop${s.folder ? ' has-file' : ''}`}>
        <input type="file" aria-label="Folder to import" className="visually-hidden"
          ref={(el) => { if (el) el.webkitdirectory = true; }}
          onChange={(e) => { const list = e.target.files; if (list?.length) void s.pickFolder((p) => readPickedFolder(list, p)); }} />
        {s.reading !== null ? <><b>Reading the folder…</b><span className="muted" role="status">{plural(s.reading, 'file')} read</span></>
          : s.folder ? <><b className="mono">{s.folder.name}/</b><span className="muted">{plural(s.folder.files.length, 'file')} · {kb(s.folder.bytes)} · choose another</span></>
            : <><b>Choose a folder</b><span className="muted">or drop it on the window: a Bruno collection (bruno.json and .bru files, or opencollection.yml)</span></>}
      </label>
    </div>
  );
}

function Summary({ result, onClose }: { result: ImportSummary; onClose(): void }) {
  return (
    <Dialog title="Import finished" onClose={onClose} wide footer={<Button variant="primary" onClick={onClose}>Done</Button>}>
      <p className="import-done" role="status">
        Imported <b>{plural(result.requests, 'request')}</b> ({result.format}) into <span className="mono">{result.root}</span>
        {result.environments > 0 && <>, {plural(result.environments, 'environment')}</>}
        {result.keys > 0 && <>, {plural(result.keys, 'key profile')}</>}
        {result.gateways > 0 && <>, {plural(result.gateways, 'gateway')}</>}; {plural(result.files, 'file')} written. It is open now.
      </p>
      {result.warnings.length > 0 ? (
        <>
          <div className="import-warnings-title">Not carried over or changed ({result.warnings.length})</div>
          <ul className="import-warnings" aria-label="Import warnings">
            {result.warnings.map((w, i) => <li key={i}>{w}</li>)}
          </ul>
        </>
      ) : <p className="muted">Everything was carried over.</p>}
    </Dialog>
  );
}

/** Import: pick or drop a file or a Bruno folder, choose a new folder, then the counts and warnings. */
export function ImportDialog() {
  const s = useImportStore();
  if (!s.open) return null;
  if (s.result) return <Summary result={s.result} onClose={s.close} />;
  return (
    <Dialog title="Import a collection" onClose={s.close} wide footer={<>
      <Button onClick={s.close}>Cancel</Button>
      <Button variant="primary" disabled={(!s.file && !s.folder) || !s.outDir.trim() || s.busy} onClick={() => void s.run()}>{s.busy ? 'Importing…' : 'Import'}</Button>
    </>}>
      <Picks />
      <label className="field">
        <span className="field-label">Format</span>
        <select className="field-input" aria-label="Format" value={s.format} disabled={!!s.folder} onChange={(e) => s.set({ format: e.target.value as ImportFormat })}>
          {FORMATS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Write it to a new folder (nothing is overwritten)</span>
        <input className="field-input mono" aria-label="Output folder" placeholder="/home/me/api/imported" value={s.outDir}
          spellCheck={false} onChange={(e) => s.set({ outDir: e.target.value })}
          onKeyDown={(e) => { if (e.key === 'Enter') void s.run(); }} />
      </label>
      {s.error && <p className="form-error" role="alert">{s.error}</p>}
    </Dialog>
  );
}
