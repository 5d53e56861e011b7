// A read-only, virtualised text view for response bodies of any size: only the rows on screen
// are in the DOM; long lines wrap at the width; JSON lines are coloured; search hits and the
// explanation's evidence are marked, and the view scrolls to them.
import './folds.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { foldRanges, visibleIndexOf, visibleRows } from './folds';
import { jsonLineTokens } from './json-tokens';
import { buildRows, extendRows, lineCount, rowOf, rowRange, type RowIndex } from './rows';
import { matchesIn, type Matches } from './search';
import { rowPieces, type Span } from './segments';

const ROW_HEIGHT = 18;
const PAD_X = 12;

export interface ViewerSearch {
  matches: Matches;
  /** index into matches of the current one, or -1 */
  current: number;
  /** changes when the view should scroll to the current match again */
  nonce: number;
}

export interface ViewerHighlight {
  start: number;
  end: number;
  nonce: number;
}

interface TextViewerProps {
  text: string;
  json: boolean;
  label: string;
  search?: ViewerSearch | null;
  highlight?: ViewerHighlight | null;
  /** called when the last rows come into view (paging a body from disk) */
  onNearEnd?(): void;
  /** pretty-printed JSON: objects and arrays fold from a marker on their first line */
  foldable?: boolean;
}

const NONE: ReadonlySet<number> = new Set();

/** Width of one character of the viewer's monospace font, measured once per mount. */
function useCharWidth(probe: React.RefObject<HTMLSpanElement | null>): number {
  const [w, setW] = useState(7.5);
  useLayoutEffect(() => {
    const el = probe.current;
    if (el && el.offsetWidth > 0) setW(el.offsetWidth / 64);
  }, [probe]);
  return w;
}

function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(800);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/** The [start, end) of the logical line row `i` belongs to (walks back over its wrapped rows). */
function lineOf(rows: RowIndex, text: string, i: number): [number, number] {
  let first = i;
  while (first > 0 && rows.lines[first] === 0) first--;
  const start = rows.starts[first]!;
  const nl = text.indexOf('\n', start);
  return [start, nl < 0 ? text.length : nl];
}

export function TextViewer({ text, json, label, search = null, highlight = null, onNearEnd, foldable = false }: TextViewerProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const charWidth = useCharWidth(probe);
  const width = useWidth(scroller);
  // The gutter fits the last line number; it is known once the rows are built, so it may lag a frame.
  const [digits, setDigits] = useState(3);
  const gutter = Math.ceil((Math.max(3, digits) + 1) * charWidth);
  const cols = Math.max(20, Math.floor((width - gutter - 2 * PAD_X - 12) / charWidth));
  const built = useRef<{ text: string; cols: number; rows: RowIndex } | null>(null);
  const rows = useMemo(() => {
    const prev = built.current;
    // A body paging in only grows at its end: re-read from its last line, not from the start.
    const grown = prev !== null && prev.cols === cols && text.length > prev.text.length && text.startsWith(prev.text);
    const next = grown ? extendRows(prev.rows, text, cols) : prev?.text === text && prev.cols === cols ? prev.rows : buildRows(text, cols);
    built.current = { text, cols, rows: next };
    return next;
  }, [text, cols]);
  useEffect(() => setDigits(String(lineCount(rows)).length), [rows]);
  // Folds are by line number: a new text starts unfolded. A search hit or the evidence shows every line.
  const ends = useMemo(() => (foldable ? foldRanges(text) : new Map<number, number>()), [foldable, text]);
  const [foldState, setFoldState] = useState<{ text: string; lines: ReadonlySet<number> }>({ text, lines: NONE });
  const revealing = (search !== null && search.current >= 0) || highlight !== null;
  const folded = foldState.text === text && !revealing ? foldState.lines : NONE;
  const visible = useMemo(() => (foldable ? visibleRows(rows, ends, folded) : null), [foldable, rows, ends, folded]);
  const toggle = (line: number) => {
    const next = new Set(folded);
    if (!next.delete(line)) next.add(line);
    setFoldState({ text, lines: next });
  };
  const count = visible ? visible.length : rows.count;
  const rowAt = (k: number) => (visible ? visible[k]! : k);
  const indexOfRow = (row: number) => (visible ? Math.max(0, visibleIndexOf(visible, row)) : row);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 24 });
  const items = virtual.getVirtualItems();

  // Scroll to the evidence or the current match when asked (a new nonce), centred.
  const target = search && search.current >= 0 ? search.matches.starts[search.current] : undefined;
  useEffect(() => {
    if (target !== undefined) virtual.scrollToIndex(indexOfRow(rowOf(rows, target)), { align: 'center' });
  }, [search?.nonce, target]);
  useEffect(() => {
    if (highlight) virtual.scrollToIndex(indexOfRow(rowOf(rows, highlight.start)), { align: 'center' });
  }, [highlight?.nonce, highlight?.start]);

  const lastShown = items.length ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (onNearEnd && lastShown >= count - 40) onNearEnd();
  }, [lastShown, count, onNearEnd]);

  const tokenCache = new Map<number, Span[]>();
  const spansFor = (i: number, start: number, end: number): Span[] => {
    const spans: Span[] = [];
    if (json) {
      const [ls, le] = lineOf(rows, text, i);
      let toks = tokenCache.get(ls);
      if (!toks) tokenCache.set(ls, (toks = jsonLineTokens(text.slice(ls, le), ls)));
      spans.push(...toks);
    }
    if (search) {
      for (const m of matchesIn(search.matches, start, end)) {
        const s = search.matches.starts[m]!;
        spans.push({ start: s, end: s + search.matches.lengths[m]!, cls: m === search.current ? 'search-hit search-current' : 'search-hit' });
      }
    }
    if (highlight && highlight.end > start && highlight.start < end) spans.push({ ...highlight, cls: 'code-highlight' });
    return spans;
  };

  return (
    <div ref={scroller} className="tv-scroll" role="document" aria-label={label} tabIndex={0}
      style={{ ['--tv-gutter' as string]: `${gutter}px` }}>
      <span ref={probe} className="tv-probe" aria-hidden>{'0'.repeat(64)}</span>
      <div className="tv-rows" style={{ height: virtual.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const [start, end] = rowRange(rows, text, row);
          const line = rows.lines[row]!;
          const closes = line > 0 ? ends.get(line) : undefined;
          const shut = closes !== undefined && folded.has(line);
          return (
            <div key={item.key} className="tv-row" style={{ transform: `translateY(${item.start}px)` }}>
              <span className="tv-gutter" aria-hidden>{line > 0 ? line : ''}</span>
              {closes !== undefined && (
                <button type="button" className={`tv-fold${shut ? ' is-folded' : ''}`} onClick={() => toggle(line)}
                  aria-label={`${shut ? 'Unfold' : 'Fold'} line ${line}`} title={shut ? `Show lines ${line + 1}–${closes - 1}` : `Fold lines ${line + 1}–${closes - 1}`}>
                  {shut ? '▸' : '▾'}
                </button>
              )}
              <span className="tv-text">
                {rowPieces(start, end, spansFor(row, start, end)).map((p) => {
                  const first = highlight && p.start === highlight.start && p.classes.includes('code-highlight');
                  return p.classes.length === 0 ? text.slice(p.start, p.end)
                    : <span key={p.start} className={p.classes.join(' ')} data-testid={first ? 'body-highlight' : undefined}>{text.slice(p.start, p.end)}</span>;
                })}
                {shut && <span className="tv-folded">⋯ {closes - line - 1} lines</span>}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
