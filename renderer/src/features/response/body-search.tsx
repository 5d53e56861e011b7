// Find in the response body: the match count, next/previous (Enter, Shift+Enter), match case.
// Matches are computed on the text as shown (pretty or raw) once typing pauses.
import { useEffect, useMemo, useRef, useState } from 'react';
import { findAll, NO_MATCHES, type Matches } from './viewer/search';
import type { ViewerSearch } from './viewer/text-viewer';

export interface BodySearch {
  open: boolean;
  query: string;
  caseSensitive: boolean;
  matches: Matches;
  current: number;
  viewer: ViewerSearch | null;
  setOpen(open: boolean): void;
  setQuery(q: string): void;
  toggleCase(): void;
  step(delta: 1 | -1): void;
}

export function useBodySearch(text: string): BodySearch {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [settled, setSettled] = useState('');
  const [caseSensitive, setCase] = useState(false);
  const [current, setCurrent] = useState(0);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    const t = setTimeout(() => setSettled(query), query.length < 3 ? 250 : 120);
    return () => clearTimeout(t);
  }, [query]);
  const matches = useMemo(() => (open ? findAll(text, settled, { caseSensitive }) : NO_MATCHES), [open, text, settled, caseSensitive]);
  // A new search starts at its first match; more text arriving keeps the place.
  useEffect(() => {
    setCurrent(0);
    setNonce((n) => n + 1);
  }, [settled, caseSensitive]);
  const count = matches.starts.length;
  const at = count === 0 ? -1 : Math.min(current, count - 1);
  return {
    open, query, caseSensitive, matches, current: at,
    viewer: open && count > 0 ? { matches, current: at, nonce } : null,
    setOpen, setQuery, toggleCase: () => setCase((c) => !c),
    step(delta) {
      if (count === 0) return;
      setCurrent((c) => (Math.min(c, count - 1) + delta + count) % count);
      setNonce((n) => n + 1);
    },
  };
}

interface BarProps {
  search: BodySearch;
  /** the text is still arriving from disk: say so next to the count */
  partial?: string | null;
}

export function BodySearchBar({ search, partial }: BarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (search.open) input.current?.focus();
  }, [search.open]);
  if (!search.open) return null;
  const count = search.matches.starts.length;
  const status = search.query === '' ? '' : count === 0 ? 'No matches'
    : `${search.current + 1} of ${count}${search.matches.capped ? '+' : ''}`;
  return (
    <div className="body-search" role="search" aria-label="Search in the body">
      <input ref={input} className="body-search-input mono" type="search" aria-label="Search in body" placeholder="Find in body"
        value={search.query} spellCheck={false}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            search.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') search.setOpen(false);
        }} />
      <span className="body-search-count" role="status" aria-label="Matches">{status}{partial ? ` · ${partial}` : ''}</span>
      <button type="button" className={`icon-btn body-search-case${search.caseSensitive ? ' is-on' : ''}`} aria-pressed={search.caseSensitive}
        title="Match case" aria-label="Match case" onClick={search.toggleCase}>Aa</button>
      <button type="button" className="icon-btn" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={count === 0}
        onClick={() => search.step(-1)}>↑</button>
      <button type="button" className="icon-btn" aria-label="Next match" title="Next match (Enter)" disabled={count === 0}
        onClick={() => search.step(1)}>↓</button>
      <button type="button" className="icon-btn" aria-label="Close search" title="Close (Esc)" onClick={() => search.setOpen(false)}>×</button>
    </div>
  );
}
