// The URL input with {{variables}} coloured (resolved green, missing red) by a backdrop drawn under
// the transparent text, and a hover card (also shown while the caret is in one) saying what the
// variable stands for and where it comes from. A secret's value is never shown.
import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { Draft } from './draft';
import { useResolvedStore } from './resolved.store';
import { varInfos, type VarInfo } from './url-vars';

const VAR = /\{\{\s*([^{}]+?)\s*\}\}/g;

const SCOPE_LABEL: Record<string, string> = {
  runtime: 'a run-time value', request: 'the request\'s variables', folder: 'the folder (folder.yaml)',
  collection: 'the collection (clearance.yaml)', environment: 'the environment', global: 'the globals', dynamic: 'a dynamic variable',
};

interface Hover { name: string; left: number; top: number }

function pieces(url: string): Array<{ text: string; name?: string }> {
  const out: Array<{ text: string; name?: string }> = [];
  let last = 0;
  for (const m of url.matchAll(VAR)) {
    if (m.index > last) out.push({ text: url.slice(last, m.index) });
    out.push({ text: m[0], name: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < url.length) out.push({ text: url.slice(last) });
  return out;
}

function Card({ info, name, env, inWorkspace }: { info: VarInfo | undefined; name: string; env: string | null; inWorkspace: boolean }) {
  if (!inWorkspace) return <><strong className="mono">{`{{${name}}}`}</strong><span>Not resolved here: only a workspace request has environments and scopes.</span></>;
  if (!info) return <><strong className="mono">{`{{${name}}}`}</strong><span className="muted">Resolving…</span></>;
  if (info.missing) return <><strong className="mono">{`{{${name}}}`}</strong><span className="var-card-missing">Unresolved: {info.missing}</span></>;
  const where = info.scope ? SCOPE_LABEL[info.scope] ?? info.scope : 'a scope';
  return (
    <>
      <strong className="mono">{`{{${name}}}`}</strong>
      {info.secret ? <span className="var-card-value"><span className="secret-masked">••••••</span> <span className="muted">secret: the value is not shown</span></span>
        : <span className="var-card-value mono">{info.value === '' ? <span className="muted">(empty)</span> : info.value}</span>}
      <span className="muted">from {where}{info.scope === 'environment' && env ? ` ${env}` : ''}</span>
    </>
  );
}

interface UrlFieldProps {
  draft: Draft;
  onChange(url: string): void;
  onPaste(e: ClipboardEvent<HTMLInputElement>): void;
}

export function UrlField({ draft, onChange, onPaste }: UrlFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const resolved = useResolvedStore((s) => s.byTab[draft.id]);
  const infos = varInfos(draft.url, resolved?.result ?? null);
  const parts = pieces(draft.url);
  const hasVars = parts.some((p) => p.name);

  const sync = () => {
    if (backdrop.current && input.current) backdrop.current.scrollLeft = input.current.scrollLeft;
  };
  useLayoutEffect(sync, [draft.url]);

  const show = (span: Element | null) => {
    const box = wrap.current?.getBoundingClientRect();
    if (!span || !box || !(span instanceof HTMLElement) || !span.dataset.var) return setHover(null);
    const r = span.getBoundingClientRect();
    const next = { name: span.dataset.var, left: Math.max(0, r.left - box.left), top: r.bottom - box.top + 4 };
    setHover((h) => (h && h.name === next.name && h.left === next.left && h.top === next.top ? h : next));
  };
  const atPointer = (x: number, y: number) => show(document.elementsFromPoint(x, y).find((el) => el.classList.contains('url-var')) ?? null);
  // The caret inside a variable shows its card too (keyboard users get what the hover gives).
  const atCaret = () => {
    const el = input.current;
    if (!el || el.selectionStart === null) return;
    const at = el.selectionStart;
    let pos = 0;
    let index = -1;
    parts.forEach((p, i) => {
      if (p.name && at > pos && at < pos + p.text.length) index = i;
      pos += p.text.length;
    });
    show(index >= 0 ? backdrop.current?.querySelector(`[data-index="${index}"]`) ?? null : null);
  };

  return (
    <div ref={wrap} className={`url-field${hasVars ? ' has-vars' : ''}`}>
      {hasVars && (
        <div ref={backdrop} className="url-backdrop mono" aria-hidden>
          {parts.map((p, i) => p.name
            ? <span key={i} data-index={i} data-var={p.name} className={`url-var ${infos.get(p.name)?.missing || (!draft.file) ? 'is-missing' : infos.has(p.name) ? 'is-resolved' : ''}`}>{p.text}</span>
            : <span key={i}>{p.text}</span>)}
        </div>
      )}
      <input ref={input} id="request-url" className="url-input mono" aria-label="URL" placeholder="https://api.example.com/orders?limit=10"
        value={draft.url} spellCheck={false} autoComplete="off" aria-describedby={hover ? `var-card-${draft.id}` : undefined}
        onChange={(e) => onChange(e.target.value)} onPaste={onPaste} onScroll={sync}
        onMouseMove={(e) => hasVars && atPointer(e.clientX, e.clientY)} onMouseLeave={() => setHover(null)}
        onKeyUp={(e: KeyboardEvent) => { sync(); if (hasVars && e.key !== 'Escape') atCaret(); else setHover(null); }}
        onClick={() => hasVars && atCaret()} onBlur={() => setHover(null)} />
      {hover && (
        <div id={`var-card-${draft.id}`} role="tooltip" className="var-card" style={{ left: hover.left, top: hover.top }}>
          <Card info={infos.get(hover.name)} name={hover.name} env={resolved?.env ?? null} inWorkspace={draft.file !== null} />
        </div>
      )}
    </div>
  );
}
