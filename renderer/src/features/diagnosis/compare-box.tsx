import { useState } from 'react';
import type { ComparisonData } from '../../../../shared/contract/diagnosis';
import { Button, StatusBadge, Tabs } from '../../ui';
import { useCompareStore, useComparedUrl, useComparison, type WorkingRequest } from './compare.store';
import { HarPicker, HistoryPicker } from './compare-sources';
import { CopyButton } from './copy-button';
import { ProbeList } from './probe-list';

type Diff = ComparisonData['differences'][number];

const KIND: Record<Diff['kind'], string> = {
  origin: 'Origin', method: 'Method', path: 'Path', param: 'Query', header: 'Header', 'header-case': 'Header case',
  'header-order': 'Header order', cookie: 'Cookie', body: 'Body', 'http-version': 'HTTP version',
};

type From = 'curl' | 'history' | 'har';
const FROM = [{ key: 'curl', label: 'Paste curl' }, { key: 'history', label: 'Pick from history' }, { key: 'har', label: 'HAR file' }] as const;
const FROM_LABEL: Record<ComparisonData['working']['from'], string> = { request: 'a request', curl: 'the pasted curl', har: 'HAR entry', history: 'history entry' };

function Value({ v, unknown }: { v: string | null; unknown?: boolean }) {
  if (unknown) return <span className="muted" title="Redacted where it was recorded: compared, never sent">unknown{v ? <> (<code>{v}</code>)</> : null}</span>;
  return v === null ? <span className="muted">not sent</span> : <code>{v}</code>;
}

function Differences({ c }: { c: ComparisonData }) {
  const minimal = new Set(c.minimal ?? []);
  return (
    <table className="cmp-table" aria-label="Differences">
      <thead><tr><th>What</th><th>Yours</th><th>Working</th></tr></thead>
      <tbody>
        {c.differences.map((d) => (
          <tr key={d.id} className={`${minimal.has(d.id) ? 'is-minimal' : ''}${d.applicable ? '' : ' is-listed'}`} data-diff={d.id}
            title={d.why ?? d.note ?? (minimal.has(d.id) ? 'Part of the smallest set that succeeds' : undefined)}>
            <td><span className="cmp-kind">{KIND[d.kind]}</span>{d.name && <span className="cmp-name">{d.name}</span>}
              {minimal.has(d.id) && <span className="cmp-needed">needed</span>}</td>
            <td><Value v={d.user} /></td>
            <td><Value v={d.working} unknown={d.unknown} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Which working request it was, and which of its values are unknown (history keeps secrets redacted). */
function WorkingNote({ c }: { c: ComparisonData }) {
  const w = c.working;
  const unknown = c.differences.filter((d) => d.unknown || c.unknown.includes(d.id));
  const names = unknown.map((d) => (d.name ? `${KIND[d.kind].toLowerCase()} ${d.name}` : KIND[d.kind].toLowerCase()));
  return (
    <>
      <p className="muted cmp-help" aria-label="Compared with">Compared with {FROM_LABEL[w.from]}{w.entry !== undefined ? ` #${w.entry}` : ''}: {w.method} {w.url}
        {w.status !== null ? ` → ${w.status}` : ''}</p>
      {unknown.length > 0 && (
        <p className="cmp-unknown" role="note" aria-label="Unknown values">
          {unknown.length === 1 ? 'One value' : `${unknown.length} values`} of the working request {unknown.length === 1 ? 'is' : 'are'} unknown ({names.join(', ')}):
          {' '}{w.from === 'history' ? 'history keeps secrets redacted, so' : ''} {unknown.length === 1 ? 'it is' : 'they are'} compared but never sent.
          {w.from === 'history' && ' Paste the browser\'s curl or a HAR to let Clearance try them.'}
        </p>
      )}
      {w.notes.filter((n) => !(unknown.length && /redacted/.test(n))).map((n) => <p key={n} className="muted cmp-help">{n}</p>)}
    </>
  );
}

/** Paste a request that works (a browser's "Copy as cURL"): the differences, bisected to the smallest set that succeeds. */
export function CompareBox({ tabId }: { tabId: string }) {
  const c = useComparison(tabId);
  const { compare, stop } = useCompareStore.getState();
  const url = useComparedUrl(tabId);
  const [curl, setCurl] = useState('');
  const [from, setFrom] = useState<From>('curl');
  const [picked, setPicked] = useState<WorkingRequest | null>(null);
  const running = c.state === 'running';
  const working: WorkingRequest | null = from === 'curl' ? (curl.trim() ? { curl: curl.trim() } : null) : picked;
  return (
    <section className="cmp-box" aria-label="Compare with a working request">
      <header className="diag-run-head">
        <h3 className="troubleshoot-h3">Compare with a working request</h3>
        {running && <Button size="sm" onClick={() => void stop(tabId)} disabled={c.stopping}>Stop</Button>}
      </header>
      <p className="muted cmp-help">Works in the browser, in curl or in an earlier send? Paste it (DevTools › Network › Copy as cURL), pick it from
        history or give a HAR: Clearance lists what differs on the wire and finds the smallest part of it that turns your refusal into a success.</p>
      <Tabs label="Working request from" items={FROM} active={from} onChange={(k) => { setFrom(k); setPicked(null); }}>
        {from === 'curl' && (
          <textarea className="cmp-input mono" aria-label="A curl command that works" placeholder="curl 'https://api.example.com/…' -H '…'"
            value={curl} onChange={(e) => setCurl(e.target.value)} rows={3} spellCheck={false} />
        )}
        {from === 'history' && url && <HistoryPicker tabId={tabId} url={url} onPick={setPicked} />}
        {from === 'har' && url && <HarPicker tabId={tabId} url={url} onPick={setPicked} />}
      </Tabs>
      <div className="diag-actions">
        <Button size="sm" onClick={() => { if (working) void compare(tabId, working); }} disabled={running || !working}>{running ? 'Comparing…' : 'Compare'}</Button>
        {running && <span className="muted">{c.sends.length} sent</span>}
      </div>
      {running && c.sends.length > 0 && <ProbeList probes={c.sends} running />}
      {c.state === 'failed' && <p className="diag-tick-error" role="alert">{c.error.message}{c.error.remedy ? ` ${c.error.remedy}` : ''}</p>}
      {c.state === 'done' && (
        <div className="cmp-result" aria-label="Comparison">
          <p className="cmp-summary">
            {c.result.fix ? <><StatusBadge status={c.result.fix.status} /> <strong>{c.result.fix.change}</strong></>
              : c.result.mode === 'compare-only' ? <>Compared only, nothing sent{c.result.reason ? `: ${c.result.reason}` : ''}</>
              : <>No subset of the differences succeeded here</>}
          </p>
          <WorkingNote c={c.result} />
          {c.result.differences.length > 0 ? <Differences c={c.result} /> : <p className="muted">Both put the same request on the wire.</p>}
          <p className="diag-conclusion">{c.result.conclusion}</p>
          {c.result.fix && (
            <div className="diag-curl">
              <div className="diag-curl-head"><span className="explain-label">Your request with the needed part</span><CopyButton text={c.result.fix.curl} label="Copy the comparison's fix as curl" /></div>
              <pre aria-label="Comparison fix as curl">{c.result.fix.curl}</pre>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
