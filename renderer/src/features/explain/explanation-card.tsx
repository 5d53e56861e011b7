import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { create } from 'zustand';
import type { Evidence, Explanation } from '../../../../shared/explain';
import type { ResponseRecord } from '../../../../shared/model';
import { Button } from '../../ui';
import { inlineCode, reportMarkdown, toExplanationView, type EvidenceChip, type ExplanationView } from './explanation-view';
import { TroubleshootPanel } from './troubleshoot-panel';

interface ExplanationCardProps {
  record: ResponseRecord;
  explanation: Explanation;
  /** Show the evidence in the response: Headers tab and row, or Body tab and text. */
  onReveal(evidence: Evidence): void;
  /** What the Troubleshoot drawer runs (the diagnosis feature): the live run and its checklist; without it, the explanation's checklist. */
  troubleshoot?: { run: ReactNode; checklist: ReactNode };
  /** Troubleshoot is opened elsewhere (the Runner opens the request's tab with its drawer) */
  onTroubleshoot?(): void;
}

/** Responses whose card opens its Troubleshoot drawer as soon as it is shown (the Runner's Troubleshoot). */
const troubleshootOnShow = new WeakSet<ResponseRecord>();
export function openTroubleshootOnShow(record: ResponseRecord): void {
  troubleshootOnShow.add(record);
}

/** A request to open the drawer of the card already showing `record` (the palette's and menu's Troubleshoot). */
const useTroubleshootAsk = create<{ record: ResponseRecord | null; n: number }>(() => ({ record: null, n: 0 }));
export function openTroubleshoot(record: ResponseRecord): void {
  useTroubleshootAsk.setState((s) => ({ record, n: s.n + 1 }));
}

export function AlertIcon() {
  return (
    <svg className="explain-alert-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden>
      <circle cx="8" cy="8" r="7" fill="currentColor" /><rect x="4" y="7" width="8" height="2" rx="1" fill="#fff" />
    </svg>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }}>
      <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function ConfidenceMeter({ v }: { v: ExplanationView }) {
  return (
    <span className={`confidence confidence-${v.confidenceLevel}`} title={`Confidence ${v.confidencePct}% (${v.confidenceLevel})`}>
      <span className="confidence-bar" role="meter" aria-label="Confidence" aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={v.confidencePct} aria-valuetext={`${v.confidencePct}%, ${v.confidenceLevel}`}>
        <span className="confidence-fill" style={{ width: `${Math.max(4, v.confidencePct)}%` }} />
      </span>
      <span className="confidence-pct">{v.confidencePct}%</span>
      <span className="confidence-level">{v.confidenceLevel}</span>
    </span>
  );
}

function EvidenceChipButton({ chip, onReveal }: { chip: EvidenceChip; onReveal(e: Evidence): void }) {
  return (
    <button type="button" className={`evidence-chip evidence-${chip.where}`} title={`${chip.title} — show in ${chip.where === 'header' ? 'Headers' : 'Body'}`}
      aria-label={`Show evidence ${chip.title}`} onClick={() => onReveal(chip.evidence)}>
      <span className="evidence-where">{chip.where === 'header' ? chip.label : 'body'}</span>
      <span className="evidence-text">{chip.value}</span>
    </button>
  );
}

function Prose({ text }: { text: string }) {
  return <>{inlineCode(text).map((p, i) => (p.code ? <code key={i}>{p.text}</code> : p.text))}</>;
}

function Checklist({ v, id, scrollIntoView }: { v: ExplanationView; id?: string; scrollIntoView?: boolean }) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = ref.current;
    const box = el?.closest('.explain-body');
    if (scrollIntoView && el && box) box.scrollTo({ top: el.offsetTop - 8, behavior: 'smooth' });
  }, [scrollIntoView]);
  return (
    <ol ref={ref} className="explain-checklist" id={id} aria-label="Checklist">
      {v.checklist.map((c) => (
        <li key={c.id} data-step={c.id}>
          <span className="checklist-step">{c.title}</span>
          {c.text && <span className="checklist-text"><Prose text={c.text} /></span>}
          {c.tip && <span className="checklist-tip"><span className="checklist-tip-who">{c.tip.who}</span> <Prose text={c.tip.text} /></span>}
        </li>
      ))}
    </ol>
  );
}

/** The refusal band (role="alert") and the explanation under it: one block under the status line. */
export function ExplanationCard({ record, explanation, onReveal, troubleshoot: host, onTroubleshoot }: ExplanationCardProps) {
  const v = useMemo(() => toExplanationView(explanation), [explanation]);
  const [open, setOpen] = useState(true);
  const [checklistOpen, setChecklistOpen] = useState(false);
  const [troubleshoot, setTroubleshoot] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (troubleshootOnShow.delete(record)) setTroubleshoot(true);
  }, [record]);
  const asked = useTroubleshootAsk((s) => (s.record === record ? s.n : 0));
  useEffect(() => {
    if (asked === 0) return;
    setOpen(true);
    setTroubleshoot(true);
  }, [asked]);
  useEffect(() => {
    if (copied === 'idle') return;
    const t = window.setTimeout(() => setCopied('idle'), 2500);
    return () => window.clearTimeout(t);
  }, [copied]);

  const copyReport = () => {
    const md = reportMarkdown(explanation, { statusText: record.statusText, method: record.wire.method, url: record.url });
    const write = navigator.clipboard?.writeText(md);
    if (!write) return setCopied('failed');
    write.then(() => setCopied('copied'), () => setCopied('failed'));
  };

  return (
    <section className={`explain-card${open ? '' : ' is-collapsed'}`} aria-label="Explanation" data-cause={v.causeId}>
      <div className="explain-band">
        <div className="explain-band-text" role="alert">
          <AlertIcon />
          <span>
            <strong className="explain-status">{record.status} {record.statusText || 'Refused'}</strong>
            <span className="explain-dash"> — </span>
            {v.producer ? (
              <>Refused by <strong>{v.producer.name}</strong> ({v.producer.kind}) — {v.causePhrase}</>
            ) : <>Refused by an unidentified layer — {v.causePhrase}</>}
          </span>
        </div>
        <button type="button" className="explain-toggle" aria-expanded={open} onClick={() => setOpen(!open)}
          aria-label={open ? 'Hide explanation' : 'Show explanation'} title={open ? 'Hide explanation' : 'Show explanation'}>
          <Chevron open={open} />
        </button>
      </div>
      {open && (
        <div className="explain-body">
          <div className="explain-facts">
            <div className="explain-fact">
              <span className="explain-label">Refused by</span>
              <span className="explain-producer">
                {v.producer ? <><strong>{v.producer.name}</strong><span className="kind-pill">{v.producer.kind}</span>
                  {v.producer.namedBy && <span className="explain-named-by" title="No rule of this layer matched the response: a weaker identification">{v.producer.namedBy}</span>}</>
                  : <span className="muted">Unidentified layer</span>}
              </span>
            </div>
            <div className="explain-fact">
              <span className="explain-label">Cause</span>
              <strong className="explain-cause" title={v.causeMeaning}>{v.causeTitle}</strong>
            </div>
            <div className="explain-fact">
              <span className="explain-label">Confidence</span>
              <ConfidenceMeter v={v} />
            </div>
            {v.relay && (
              <div className="explain-fact">
                <span className="explain-label">Relayed by</span>
                <span className="explain-relay">{v.relay}</span>
              </div>
            )}
          </div>
          <p className="explain-why"><Prose text={v.why} /></p>
          <dl className="explain-grid">
            {v.evidence.length > 0 && (<>
              <dt>Evidence</dt>
              <dd className="evidence-list">
                {v.evidence.map((c) => <EvidenceChipButton key={c.key} chip={c} onReveal={onReveal} />)}
              </dd>
            </>)}
            <dt>Fix</dt>
            <dd className="explain-fix"><Prose text={v.fix} /></dd>
            {v.alternatives.length > 0 && (<>
              <dt>Also plausible</dt>
              <dd className="alt-list">
                {v.alternatives.map((a) => <span key={a.cause} className="alt-tag" title={`${a.pct}% confidence: ${a.why}`}>{a.title}<span className="alt-pct">{a.pct}%</span></span>)}
              </dd>
            </>)}
          </dl>
          {checklistOpen && <Checklist v={v} id="explain-checklist" scrollIntoView />}
        </div>
      )}
      {open && (
        <div className="explain-actions">
          <Button size="sm" variant="primary" onClick={() => (onTroubleshoot ? onTroubleshoot() : setTroubleshoot(true))} aria-haspopup="dialog">Troubleshoot</Button>
          <Button size="sm" onClick={copyReport}>Copy report</Button>
          <span className="explain-copied" role="status">
            {copied === 'copied' ? 'Report copied as Markdown' : copied === 'failed' ? 'Could not copy to the clipboard' : ''}
          </span>
          {v.checklist.length > 0 && (
            <button type="button" className="explain-checklist-toggle" aria-expanded={checklistOpen}
              aria-controls="explain-checklist" onClick={() => setChecklistOpen(!checklistOpen)}>
              Checklist <span className="muted">· {v.checklist.length} steps</span> <Chevron open={checklistOpen} />
            </button>
          )}
        </div>
      )}
      {troubleshoot && (
        <TroubleshootPanel view={v} statusText={record.statusText} onClose={() => setTroubleshoot(false)} run={host?.run}>
          {host ? host.checklist : <><h3 className="troubleshoot-h3">Checklist</h3><Checklist v={v} /></>}
        </TroubleshootPanel>
      )}
    </section>
  );
}
