// Paging through a body the engine streamed to disk: the preview first, then readBody pages.
// Bytes go through one streaming TextDecoder so a character split across pages stays whole.

export interface BodyPages {
  text: string;
  /** Bytes of the body covered by `text` (the next readBody offset). */
  offset: number;
  total: number | null;
  eof: boolean;
  binary: boolean;
  loading: boolean;
  error: string | null;
  decoder: TextDecoder;
}

function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function startPaging(body: { preview: string; encoding: 'utf8' | 'base64' }): BodyPages {
  const decoder = new TextDecoder('utf-8');
  if (body.encoding === 'base64') {
    const bytes = base64Bytes(body.preview);
    return { text: '', offset: bytes.length, total: null, eof: false, binary: true, loading: false, error: null, decoder };
  }
  // The preview is a fixed number of bytes decoded as utf8: a character cut at its end shows as
  // U+FFFD. Drop it and let the first page re-read those bytes, so the byte offset stays exact.
  const text = body.preview.replace(/\uFFFD+$/, '');
  const offset = new TextEncoder().encode(text).length;
  return { text, offset, total: null, eof: false, binary: false, loading: false, error: null, decoder };
}

export function appendPage(
  p: BodyPages,
  chunk: { data: string; encoding: 'utf8' | 'base64'; total: number; eof: boolean },
): BodyPages {
  const bytes = chunk.encoding === 'base64' ? base64Bytes(chunk.data) : new TextEncoder().encode(chunk.data);
  const added = chunk.encoding === 'base64' ? p.decoder.decode(bytes, { stream: !chunk.eof }) : chunk.data;
  return { ...p, text: p.text + added, offset: p.offset + bytes.length, total: chunk.total, eof: chunk.eof, loading: false, error: null };
}

export function previewHex(b64: string, max = 512): string {
  const bytes = base64Bytes(b64).slice(0, max);
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = Array.from(bytes.slice(i, i + 16));
    const hex = row.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = row.map((b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}
