import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { Transform } from 'node:stream';

const KNOWN = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

/** Content-Encoding tokens in the order to decode them (the last applied comes first), or null if any is unknown. */
export function decodingPlan(header: string | undefined): string[] | null {
  if (!header) return [];
  const list = header.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t && t !== 'identity');
  for (const t of list) if (!KNOWN.has(t)) return null;
  return list.reverse();
}

// Lenient flush like browsers: a body cut short after the last full block still decodes.
const ZLIB = { finishFlush: constants.Z_SYNC_FLUSH };

function one(encoding: string, firstByte: number | undefined): Transform {
  switch (encoding) {
    case 'br':
      return createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH });
    case 'deflate':
      // "deflate" is zlib-wrapped per the RFC, but some servers send raw deflate: sniff the header byte.
      return firstByte !== undefined && (firstByte & 0x0f) !== 0x08 ? createInflateRaw(ZLIB) : createInflate(ZLIB);
    default:
      return createGunzip(ZLIB);
  }
}

/** A chain of zlib streams; write to `head`, read decoded bytes from `tail`. */
export function decoderChain(plan: string[], firstByte: number | undefined): { head: Transform; tail: Transform; all: Transform[] } {
  const all = plan.map((e, i) => one(e, i === 0 ? firstByte : undefined));
  for (let i = 0; i + 1 < all.length; i++) all[i]!.pipe(all[i + 1]!);
  return { head: all[0]!, tail: all[all.length - 1]!, all };
}
