import type { WriteStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { decoderChain } from './decoders';
import { bodyEncoding } from './body-text';
import { openBodyFile, removeBodyFile } from './body-files';
import { noteLetGo } from './let-go';
import { SendFailure } from './send-failure';
import type { ResponseBody, SendOptions } from '../../shared/model';

const PREVIEW = 64 * 1024;
// A spilled body reaches its file in vectored writes of this many bytes: a write per network chunk
// (64 KiB) would hand each one to the thread pool, and those switches cost more than the writing.
const FILE_BATCH = 256 * 1024;
const RATIO_FLOOR = 1024 * 1024;

export interface SinkConfig {
  /** decoding order from decodingPlan; empty = keep raw bytes */
  plan: string[];
  decompression: SendOptions['decompression'];
  inlineLimit: number;
  maxBodyBytes: number;
  bodyDir: string;
  /** past inlineLimit keep only the preview and count the rest (no file): the caller reads no more */
  previewOnly: boolean;
  contentType: string | null;
  url: string;
}

/**
 * Receives wire chunks, decodes them, keeps small bodies in memory and streams big ones to a file
 * (or, for a caller that reads no more than the preview, counts them).
 * `write` returns false when the caller must pause until `onDrain` fires (undici's backpressure).
 */
export class BodySink {
  wireBytes = 0;
  decodedBytes = 0;
  /** undici's resume; set by the handler */
  onDrain: (() => void) | null = null;
  private chunks: Buffer[] = [];
  /** decoded bytes not yet handed to the file */
  private batch: Buffer[] = [];
  private batched = 0;
  private file?: WriteStream;
  /** preview-only: past the inline limit bytes are counted, not kept */
  private counting = false;
  private path?: string;
  private preview?: Buffer;
  private decoder?: { head: Transform; tail: Transform; all: Transform[] };
  private failure?: SendFailure;
  private decoderDone?: Promise<void>;

  constructor(private readonly cfg: SinkConfig, private readonly owner: { abort: (f: SendFailure) => void }) {}

  write(chunk: Buffer): boolean {
    if (this.failure) return false;
    this.wireBytes += chunk.length;
    if (this.cfg.plan.length === 0) return this.accept(chunk);
    if (!this.decoder) this.startDecoder(chunk[0]);
    const ok = this.decoder!.head.write(chunk);
    if (!ok) this.decoder!.head.once('drain', () => this.onDrain?.());
    return ok;
  }

  private startDecoder(firstByte: number | undefined): void {
    const d = decoderChain(this.cfg.plan, firstByte);
    this.decoder = d;
    d.tail.on('data', (buf: Buffer) => {
      if (!this.accept(buf) && this.file) {
        d.tail.pause();
        this.file.once('drain', () => d.tail.resume());
      }
    });
    this.decoderDone = new Promise((resolve) => d.tail.once('end', resolve));
    for (const z of d.all) {
      z.on('error', (err: Error) => this.abort(new SendFailure('decompression-failed',
        `Body of ${this.cfg.url} is not valid ${this.cfg.plan.join(', ')}: ${err.message}`)));
    }
  }

  /** Takes decoded bytes; false means the file cannot take more right now. */
  private accept(buf: Buffer): boolean {
    if (this.failure) return false;
    this.decodedBytes += buf.length;
    const decoded = this.decodedBytes;
    if (this.cfg.plan.length > 0) {
      const { maxBytes, maxRatio } = this.cfg.decompression;
      if (decoded > maxBytes || (decoded > RATIO_FLOOR && decoded / Math.max(1, this.wireBytes) > maxRatio)) {
        this.abort(new SendFailure('decompression-bomb', `Body of ${this.cfg.url} expanded to ${decoded} bytes from ${this.wireBytes} compressed (limits: ${maxBytes} bytes, ratio ${maxRatio})`));
        return false;
      }
    }
    if (decoded > this.cfg.maxBodyBytes) {
      this.abort(new SendFailure('body-too-large', `Body of ${this.cfg.url} exceeds the cap of ${this.cfg.maxBodyBytes} bytes`));
      return false;
    }
    if (this.file || this.counting) {
      if (this.preview!.length < PREVIEW) this.preview = Buffer.concat([this.preview!, buf.subarray(0, PREVIEW - this.preview!.length)]);
      if (this.counting) {
        noteLetGo(buf.length);
        return true;
      }
      this.batch.push(buf);
      this.batched += buf.length;
      return this.batched >= FILE_BATCH ? this.flushBatch() : true;
    }
    this.chunks.push(buf);
    if (decoded > this.cfg.inlineLimit) return this.cfg.previewOnly ? this.countFromHere() : this.spill();
    return true;
  }

  /** Keeps the first bytes as the preview and from now on only counts: no file, no waiting for a disk. */
  private countFromHere(): boolean {
    // only the preview's bytes are copied: the rest of the in-memory chunks is let go as it is
    this.preview = Buffer.concat(this.chunks, Math.min(PREVIEW, this.decodedBytes));
    this.chunks = [];
    this.counting = true;
    noteLetGo(this.decodedBytes);
    return true;
  }

  /** Moves the in-memory bytes to a file; from now on everything streams there. */
  private spill(): boolean {
    const all = Buffer.concat(this.chunks);
    this.chunks = [];
    this.preview = Buffer.from(all.subarray(0, PREVIEW));
    // body-files: 0600 in a 0700 folder, kept while this process may show it, then removed.
    try {
      ({ path: this.path, stream: this.file } = openBodyFile(this.cfg.bodyDir));
    } catch (err) {
      this.abort(new SendFailure('unknown', `Cannot write the body of ${this.cfg.url}: ${(err as Error).message}`));
      return false;
    }
    this.file.on('error', (err) => this.abort(new SendFailure('unknown', `Cannot write the body of ${this.cfg.url} to ${this.path}: ${err.message}`)));
    const ok = this.file.write(all);
    if (!ok && this.cfg.plan.length === 0) this.file.once('drain', () => this.onDrain?.());
    return ok;
  }

  /** Hands the batched chunks to the file in one vectored write (no copy); false when it asks to wait for 'drain'. */
  private flushBatch(): boolean {
    if (this.batched === 0) return true;
    const file = this.file!;
    file.cork();
    let ok = true;
    for (const chunk of this.batch) ok = file.write(chunk);
    file.uncork();
    this.batch = [];
    this.batched = 0;
    if (!ok && this.cfg.plan.length === 0) file.once('drain', () => this.onDrain?.());
    return ok;
  }

  abort(f: SendFailure): void {
    if (this.failure) return;
    this.failure = f;
    this.destroy();
    this.owner.abort(f);
  }

  /** Stops decoding and removes a partial file. */
  destroy(): void {
    for (const z of this.decoder?.all ?? []) z.destroy();
    if (this.file) {
      const path = this.path!;
      this.file.destroy();
      this.file.once('close', () => removeBodyFile(path));
    }
    this.chunks = [];
    this.batch = [];
    this.batched = 0;
  }

  async finish(): Promise<ResponseBody> {
    if (this.decoder) {
      this.decoder.head.end();
      await Promise.race([this.decoderDone, new Promise((_, reject) => this.decoder!.tail.once('close', () => {
        if (this.failure) reject(this.failure);
      }))]);
    }
    if (this.failure) throw this.failure;
    if (this.counting) {
      const encoding = bodyEncoding(this.cfg.contentType, this.preview!, true);
      return { kind: 'preview', preview: this.preview!.toString(encoding), encoding };
    }
    if (this.file) {
      const file = this.file;
      // The last batch: end() flushes whatever the stream still holds, so its answer does not matter here.
      this.flushBatch();
      await new Promise<void>((resolve, reject) => {
        file.once('error', reject);
        file.end(() => resolve());
      });
      const encoding = bodyEncoding(this.cfg.contentType, this.preview!, true);
      return { kind: 'file', path: this.path!, preview: this.preview!.toString(encoding), encoding };
    }
    const data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const encoding = bodyEncoding(this.cfg.contentType, data, false);
    return { kind: 'inline', encoding, data: data.toString(encoding) };
  }
}
