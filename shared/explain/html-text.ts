/** Visible text of an HTML document: scripts, styles, comments and tags removed, entities decoded, whitespace collapsed. */
const DROP_BLOCKS = /<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const TAGS = /<\/?[a-zA-Z!][^>]*>/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', ndash: '–', mdash: '—',
  hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', middot: '·', bull: '•', trade: '™',
};

function decodeEntity(whole: string, code: string): string {
  if (code[0] === '#') {
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  }
  return NAMED[code.toLowerCase()] ?? whole;
}

export function htmlToText(html: string): string {
  return html
    .replace(COMMENTS, ' ')
    .replace(DROP_BLOCKS, ' ')
    .replace(TAGS, ' ')
    .replace(ENTITY, decodeEntity)
    .replace(/\s+/g, ' ')
    .trim();
}

const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<!doctype html|<title|<h1|<center|<p>|<div)/i;

/** Does this body look like HTML markup? */
export function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  if (contentType && /html/i.test(contentType)) return /<[a-z!\/]/i.test(body);
  return HTML_START.test(body);
}
