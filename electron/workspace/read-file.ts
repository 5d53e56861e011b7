import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { decode, type Decoded } from './codec';

/** A content hash: the version a client read, compared at save time to spot outside changes. */
export function versionOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export type ReadResult<T> = Decoded<T> & { text: string; version: string };

/** Reads and validates one YAML file; a read error is reported like a parse problem. */
export async function readTyped<S extends z.ZodType>(schema: S, full: string, rel: string): Promise<ReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (err) {
    return { ok: false, problem: { path: rel, message: `cannot read: ${(err as Error).message}` }, text: '', version: '' };
  }
  return { ...decode(schema, text, rel), text, version: versionOf(text) };
}
