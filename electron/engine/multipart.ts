import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { SendFailure } from './send-failure';
import type { MultipartPart } from '../../shared/model';

export interface PreparedStream {
  length: number;
  contentType: string;
  /** a fresh stream each call, so a 307/308 redirect can send the body again */
  open: () => Readable;
}

export async function fileSize(path: string, what: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a regular file');
    return s.size;
  } catch (err) {
    throw new SendFailure('file-not-found', `Cannot read ${what} ${path}: ${(err as Error).message}`);
  }
}

function quote(value: string): string {
  return value.replace(/[\r\n"]/g, (c) => encodeURIComponent(c));
}

type Piece = Buffer | { path: string };

/** Our own boundary writer: the total length is known up front and files stream from disk. */
export async function prepareMultipart(parts: MultipartPart[]): Promise<PreparedStream> {
  const boundary = `----clearance${randomBytes(12).toString('hex')}`;
  const pieces: Piece[] = [];
  let length = 0;
  const push = (p: Piece, size: number): void => {
    pieces.push(p);
    length += size;
  };
  for (const part of parts) {
    if (part.enabled === false) continue;
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
    if (part.file) {
      const size = await fileSize(part.file, `multipart file for part "${part.name}"`);
      head += `; filename="${quote(part.filename ?? basename(part.file))}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`;
      const h = Buffer.from(head);
      push(h, h.length);
      push({ path: part.file }, size);
    } else {
      if (part.contentType) head += `\r\nContent-Type: ${part.contentType}`;
      const h = Buffer.from(`${head}\r\n\r\n${part.value ?? ''}`);
      push(h, h.length);
    }
    push(Buffer.from('\r\n'), 2);
  }
  const tail = Buffer.from(`--${boundary}--\r\n`);
  push(tail, tail.length);
  const open = (): Readable => Readable.from((async function* () {
    for (const p of pieces) {
      if (Buffer.isBuffer(p)) yield p;
      else yield* createReadStream(p.path);
    }
  })(), { objectMode: false });
  return { length, contentType: `multipart/form-data; boundary=${boundary}`, open };
}
