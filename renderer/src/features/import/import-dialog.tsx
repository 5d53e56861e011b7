import './import.css';
import { Button, Dialog } from '../../ui';
import { useImportStore, type ImportFormat, type ImportSummary } from './import.store';

const FORMATS: Array<[ImportFormat, string]> = [
  ['auto', 'Detect automatically'], ['postman', 'Postman collection v2.x'], ['insomnia', 'Insomnia export'],
  ['openapi', 'OpenAPI 3'], ['har', 'HAR (browser network log)'], ['curl', 'curl commands'],
];
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

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

/** Import: pick or drop a file, choose a new folder, then the counts and warnings. */
export function ImportDialog() {
  const s = useImportStore();
  if (!s.open) return null;
  if (s.result) return <Summary result={s.result} onClose={s.close} />;
  return (
    <Dialog title="Import a collection" onClose={s.close} wide footer={<>
      <Button onClick={s.close}>Cancel</Button>
      <Button variant="primary" disabled={!s.file || !s.outDir.trim() || s.busy} onClick={() => void s.run()}>{s.busy ? 'Importing…' : 'Import'}</Button>
    </>}>
      <label className={`import-drop${s.file ? ' has-file' : ''}`}>
        <input type="file" aria-label="File to import" className="visually-hidden"
          accept=".json,.yaml,.yml,.har,.txt,.sh" onChange={(e) => { const f = e.target.files?.[0]; if (f) void s.pick(f); }} />
        {s.file ? <><b className="mono">{s.file.name}</b><span className="muted">{Math.ceil(s.file.content.length / 1024)} KB · choose another</span></>
          : <><b>Choose a file</b><span className="muted">or drop it anywhere on the window: Postman, Insomnia, OpenAPI, HAR, curl</span></>}
      </label>
      <label className="field">
        <span className="field-label">Format</span>
        <select className="field-input" aria-label="Format" value={s.format} onChange={(e) => s.set({ format: e.target.value as ImportFormat })}>
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
