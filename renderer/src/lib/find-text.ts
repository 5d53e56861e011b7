// Locating evidence text in a body as displayed: case-insensitive, and tolerant of whitespace
// differences (pretty-printed JSON, HTML line breaks), so `{"message":"Forbidden"}` is found in
// its pretty form too.

export interface TextSpan {
  start: number;
  end: number;
}

const MAX_NEEDLE = 400;

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The first occurrence of `needle` in `haystack`, or null. Pure; offsets are UTF-16 indices. */
export function findText(haystack: string, needle: string): TextSpan | null {
  const trimmed = needle.trim();
  if (!trimmed || !haystack) return null;
  const exact = haystack.toLowerCase().indexOf(trimmed.toLowerCase());
  if (exact >= 0) return { start: exact, end: exact + trimmed.length };
  const chars = Array.from(trimmed.replace(/\s+/g, '').slice(0, MAX_NEEDLE));
  if (chars.length === 0) return null;
  const re = new RegExp(chars.map(escapeRe).join('\\s*'), 'i');
  const m = re.exec(haystack);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * Centre `el` in its nearest scrolling ancestor only (Element.scrollIntoView would also scroll
 * the window and the app shell, which must stay put).
 */
export function centerInScroller(el: HTMLElement | null): void {
  if (!el) return;
  let box = el.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  if (!box) return;
  const r = el.getBoundingClientRect();
  const c = box.getBoundingClientRect();
  box.scrollTop += r.top - c.top - (c.height - r.height) / 2;
}
