// base64url → UTF-8 text without atob, Buffer or TextDecoder (shared/ has none of them).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Bytes of base64 or base64url text (padding optional); null when it is not base64. */
export function base64UrlBytes(text: string): number[] | null {
  const s = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s) {
    const v = VALUE.get(c);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  return out;
}

/** Strict UTF-8 decoding; null on invalid sequences. */
export function utf8Text(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let cp: number;
    let extra: number;
    if (b < 0x80) { cp = b; extra = 0; }
    else if (b >= 0xc2 && b < 0xe0) { cp = b & 0x1f; extra = 1; }
    else if (b >= 0xe0 && b < 0xf0) { cp = b & 0x0f; extra = 2; }
    else if (b >= 0xf0 && b < 0xf5) { cp = b & 0x07; extra = 3; }
    else return null;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if ((extra === 2 && cp < 0x800) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}
