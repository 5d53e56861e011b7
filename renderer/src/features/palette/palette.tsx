import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { fuzzyFilter, type FuzzyMatch } from './fuzzy';
import { paletteItems, type PaletteItem } from './items';
import { shortcutLabel } from './keys';

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);
const SECTION: Record<PaletteItem['kind'], string> = { action: 'Actions', tab: 'Open tabs', request: 'Requests' };
const KINDS = Object.keys(SECTION) as Array<PaletteItem['kind']>;

function Highlighted({ text, match }: { text: string; match: FuzzyMatch }) {
  if (match.positions.length === 0) return <>{text}</>;
  const hit = new Set(match.positions);
  return <>{[...text].map((ch, i) => (hit.has(i) ? <mark key={i} className="palette-hit">{ch}</mark> : ch))}</>;
}

function Row({ item, match, active, onHover, onRun }: {
  item: PaletteItem; match: FuzzyMatch; active: boolean; onHover(): void; onRun(): void;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => { if (active) ref.current?.scrollIntoView({ block: 'nearest' }); }, [active]);
  const id = `palette-${item.id}`;
  return (
    <li ref={ref} id={id} role="option" aria-selected={active} aria-disabled={item.disabled ? true : undefined}
      aria-labelledby={`${id}-label`} aria-describedby={`${id}-detail${item.accelerator ? ` ${id}-kbd` : ''}`}
      className={`palette-row${active ? ' is-active' : ''}${item.disabled ? ' is-disabled' : ''}`}
      onMouseMove={onHover} onMouseDown={(e) => e.preventDefault()} onClick={onRun} title={item.disabled ?? undefined}>
      <span className="palette-lead" aria-hidden>
        {item.method ? <span className={`method-tag method-${item.method.toLowerCase()}`}>{item.method}</span>
          : item.checked ? <span className="palette-check">✓</span> : null}
      </span>
      <span className="palette-label" id={`${id}-label`}><Highlighted text={item.label} match={match} /></span>
      <span className="palette-detail" id={`${id}-detail`}>{item.disabled ?? item.detail}</span>
      <span className="palette-keys">{item.accelerator && <kbd className="palette-kbd" id={`${id}-kbd`}>{shortcutLabel(item.accelerator, MAC)}</kbd>}</span>
    </li>
  );
}

/** The palette itself, in its own chunk (palette-host.tsx loads it on the first Ctrl/Cmd+K). */
export function Palette({ onClose }: { onClose(): void }) {
  const items = useMemo(paletteItems, []);
  // Focus goes back where it was when the palette closes, unless the action put it somewhere (the URL field, a dialog).
  const [returnTo] = useState(() => document.activeElement);
  useEffect(() => () => {
    requestAnimationFrame(() => {
      if (document.activeElement === document.body && returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    });
  }, [returnTo]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // What can run now comes first; the rest follows, greyed, with why not.
  const shown = useMemo(() => {
    const hits = fuzzyFilter(items, query, (i) => i.label, (i) => i.detail);
    // Without a query the list keeps its sections (actions, tabs, requests), each with what runs first.
    const section = (h: (typeof hits)[number]) => (query.trim() === '' ? KINDS.indexOf(h.item.kind) : 0);
    return hits.sort((a, b) => section(a) - section(b) || Number(!!a.item.disabled) - Number(!!b.item.disabled));
  }, [items, query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const run = (item: PaletteItem | undefined) => {
    if (!item || item.disabled) return;
    onClose();
    item.run();
  };
  const onKey = (e: KeyboardEvent) => {
    const last = shown.length - 1;
    if (e.key === 'ArrowDown') setActive((a) => (a >= last ? 0 : a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => (a <= 0 ? last : a - 1));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(last);
    else if (e.key === 'Enter') run(current?.item);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="palette-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div role="dialog" aria-modal="true" aria-label="Command palette" className="palette" onKeyDown={onKey}>
        <div className="palette-search">
          <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden><circle cx="7" cy="7" r="4.6" fill="none" stroke="currentColor" strokeWidth="1.5" /><path d="m10.5 10.5 3.2 3.2" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" /></svg>
          <input autoFocus className="palette-input" role="combobox" aria-expanded="true" aria-controls="palette-list" aria-autocomplete="list"
            aria-label="Search actions and requests" placeholder="Type a command, or a request to open…" spellCheck={false}
            aria-activedescendant={current ? `palette-${current.item.id}` : undefined}
            value={query} onChange={(e) => { setQuery(e.target.value); setActive(0); }} />
        </div>
        <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
          {shown.flatMap(({ item, match }, i) => {
            const row = <Row key={item.id} item={item} match={match} active={item === current?.item} onHover={() => setActive(i)} onRun={() => run(item)} />;
            const heading = query.trim() === '' && (i === 0 || shown[i - 1]!.item.kind !== item.kind);
            return heading ? [<li key={`h:${item.kind}`} role="presentation" className="palette-section">{SECTION[item.kind]}</li>, row] : [row];
          })}
          {shown.length === 0 && <li className="palette-empty" role="presentation">Nothing matches “{query}”</li>}
        </ul>
        <div className="palette-foot" aria-hidden>
          <span><kbd>↑</kbd><kbd>↓</kbd> move</span><span><kbd>↵</kbd> run</span><span><kbd>Esc</kbd> close</span>
        </div>
      </div>
    </div>
  );
}
