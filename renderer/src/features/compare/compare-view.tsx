// Compare: two exchanges side by side (A older, B newer), request then response, with what
// differs marked — status, URL, headers added/removed/changed, body lines and words.
import { useEffect, useRef, useState } from 'react';
import { formatMs } from '../../lib/format';
import { StatusBadge } from '../../ui';
import { useCompareStore } from './compare.store';
import { diffHeaders, wordPieces } from './compare-model';
import { BodyDiff, HeaderDiff, headerCounts, Marked } from './compare-sections';
import type { Side } from './sides';

function Head({ side, letter }: { side: Side; letter: 'A' | 'B' }) {
  return (
    <div className="cmpv-head" aria-label={`Side ${letter}`}>
      <div className="cmpv-head-title"><span className="cmpv-letter">{letter}</span>{side.title}</div>
      <div className="cmpv-head-line">
        {side.status !== null ? <StatusBadge status={side.status} text={side.statusText} tone={side.refused ? 'refused' : undefined} />
          : <span className="status-badge tone-refused"><span className="status-code">ERR</span></span>}
        <span className={`method-tag method-${side.method.toLowerCase()}`}>{side.method}</span>
        <span className="mono cmpv-url" title={side.url}>{side.url}</span>
      </div>
      <div className="cmpv-head-meta muted">
        {side.durationMs !== null && <span>{formatMs(side.durationMs)}</span>}
        {side.explained && <span className="cmpv-explained">{side.explained}</span>}
        {side.error && <span className="cmpv-error">{side.error}</span>}
      </div>
    </div>
  );
}

function Summary({ left, right }: { left: Side; right: Side }) {
  const items: Array<[string, string, boolean]> = [];
  const statusSame = left.status === right.status;
  items.push(['Status', statusSame ? `same (${left.status ?? 'no response'})` : `${left.status ?? 'ERR'} → ${right.status ?? 'ERR'}`, !statusSame]);
  const urlSame = left.method === right.method && left.url === right.url;
  items.push(['Request', urlSame ? 'same method and URL' : 'method or URL differ', !urlSame]);
  const reqH = headerCounts(diffHeaders(left.requestHeaders, right.requestHeaders));
  items.push(['Request headers', reqH, reqH !== 'identical']);
  const resH = headerCounts(diffHeaders(left.responseHeaders, right.responseHeaders));
  items.push(['Response headers', resH, resH !== 'identical']);
  return (
    <ul className="cmpv-summary" aria-label="Differences at a glance">
      {items.map(([what, text, differs]) => (
        <li key={what} className={differs ? 'is-diff' : ''}><span className="cmpv-summary-what">{what}</span> {text}</li>
      ))}
    </ul>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="cmpv-section" aria-label={title}>
      <h3 className="cmpv-section-title">{title}</h3>
      {children}
    </section>
  );
}

function UrlLine({ left, right }: { left: Side; right: Side }) {
  const a = `${left.method} ${left.url}`;
  const b = `${right.method} ${right.url}`;
  const words = wordPieces(a, b);
  return (
    <div className={`cmpv-urls${a === b ? '' : ' is-diff'}`} aria-label="Request line">
      <div className="mono"><span className="cmpv-letter">A</span><Marked pieces={words.left} /></div>
      <div className="mono"><span className="cmpv-letter">B</span><Marked pieces={words.right} /></div>
    </div>
  );
}

function Compared({ left, right }: { left: Side; right: Side }) {
  const [onlyDiff, setOnlyDiff] = useState(true);
  const reqBodies = left.requestBody !== null || right.requestBody !== null;
  return (
    <>
      <div className="cmpv-heads"><Head side={left} letter="A" /><Head side={right} letter="B" /></div>
      <div className="cmpv-toolbar">
        <Summary left={left} right={right} />
        <label className="cmpv-only">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> Only differences
        </label>
      </div>
      {/* Focusable, so the keyboard can scroll the comparison (it may hold no control at all). */}
      <div className="cmpv-scroll" role="region" aria-label="Comparison" tabIndex={0}>
        <Section title="Request">
          <UrlLine left={left} right={right} />
          <h4 className="cmpv-sub">Headers</h4>
          <HeaderDiff label="Request headers" left={left.requestHeaders} right={right.requestHeaders} onlyDiff={onlyDiff} />
          {reqBodies && <><h4 className="cmpv-sub">Body</h4>
            <BodyDiff label="Request body" left={left.requestBody ?? ''} right={right.requestBody ?? ''} onlyDiff={onlyDiff} /></>}
        </Section>
        <Section title="Response">
          <h4 className="cmpv-sub">Headers</h4>
          <HeaderDiff label="Response headers" left={left.responseHeaders} right={right.responseHeaders} onlyDiff={onlyDiff} />
          <h4 className="cmpv-sub">Body</h4>
          {(left.bodyNote || right.bodyNote) && (
            <p className="muted cmpv-note">{left.bodyNote && <>A: {left.bodyNote}. </>}{right.bodyNote && <>B: {right.bodyNote}.</>}</p>
          )}
          <BodyDiff label="Response body" left={left.responseBody} right={right.responseBody} onlyDiff={onlyDiff} />
        </Section>
      </div>
    </>
  );
}

/** The Compare overlay; mount once (CompareHost). Escape or × closes it. */
export function CompareView() {
  const view = useCompareStore((s) => s.view);
  const close = useCompareStore((s) => s.close);
  const box = useRef<HTMLDivElement>(null);
  const open = view.state !== 'closed';
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop cmpv-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) close(); }}>
      <div ref={box} role="dialog" aria-modal="true" aria-label="Compare" className="cmpv" tabIndex={-1}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } }}>
        {/* A div, not <header>: inside a dialog a header would be a second page banner. */}
        <div className="cmpv-title">
          <h2>Compare</h2>
          <button type="button" className="icon-btn" aria-label="Close Compare" title="Close (Esc)" onClick={close}>×</button>
        </div>
        {view.state === 'loading' && <p className="muted cmpv-empty" role="status">Reading both sides…</p>}
        {view.state === 'failed' && <p className="form-error cmpv-empty" role="alert">{view.error}</p>}
        {view.state === 'open' && <Compared left={view.left} right={view.right} />}
      </div>
    </div>
  );
}
