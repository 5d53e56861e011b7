import { subscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import { getConnInfo, type ConnInfo } from './conn-info';
import { BodySink, type SinkConfig } from './body-sink';
import { toFailure } from './error-map';
import { SendFailure } from './send-failure';
import type { Timeline } from './timeline';
import type { ResponseBody } from '../../shared/model';

export interface HopRequest {
  dispatcher: Dispatcher;
  origin: string;
  path: string;
  method: string;
  headers: string[];
  body: Buffer | Readable | null;
  headersTimeout: number;
  bodyTimeout: number;
  url: string;
  timeline: Timeline;
  /** sink settings for this response, or null to discard its body (a redirect being followed) */
  sinkFor: (status: number, headers: Array<[string, string]>) => SinkConfig | null;
  /** called once: with the version the headers went out in, or null when the hop failed before sending them */
  onSent: (httpVersion: HopVersion | null) => void;
}

export type HopVersion = '1.1' | '2';

export interface HopResult {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  headerBytes: number;
  body: ResponseBody | null;
  wireBytes: number;
  decodedBytes: number;
  remoteAddress: string | null;
  httpVersion: HopVersion;
  timings: { dns: number | null; connect: number | null; tls: number | null; firstByte: number; download: number };
}

// undici tells which socket carries a request only through diagnostics_channel; the request
// keeps our handler under its private `handler` symbol, which links the two without a lookup table.
let handlerSymbol: symbol | undefined;
subscribe('undici:client:sendHeaders', (message) => {
  const { request, socket } = message as { request: object; socket: Socket };
  handlerSymbol ??= Object.getOwnPropertySymbols(request).find((s) => s.description === 'handler');
  const handler = handlerSymbol ? (request as Record<symbol, unknown>)[handlerSymbol] : undefined;
  if (handler instanceof HopHandler) handler.onSocket(socket);
});

class HopHandler implements Dispatcher.DispatchHandler {
  promise: Promise<HopResult>;
  private resolve!: (r: HopResult) => void;
  private reject!: (e: SendFailure) => void;
  private settled = false;
  private abortFn?: (err?: Error) => void;
  private pendingAbort?: SendFailure;
  private sink?: BodySink;
  private discarded = 0;
  private info?: ConnInfo;
  private reused = false;
  private remoteAddress: string | null = null;
  private version: HopVersion | null = null;
  private sentAt = 0;
  private headersAt = 0;
  private doneAt = 0;
  private head?: Omit<HopResult, 'body' | 'wireBytes' | 'decodedBytes' | 'timings' | 'remoteAddress' | 'httpVersion'>;

  constructor(private readonly req: HopRequest) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  abort(f: SendFailure): void {
    if (this.settled) return;
    this.settle(f);
    this.sink?.destroy();
    if (this.abortFn) this.abortFn(f);
    else this.pendingAbort = f;
  }

  private settle(f: SendFailure | null, r?: HopResult): void {
    if (this.settled) return;
    this.settled = true;
    if (f) {
      if (this.version === null) this.req.onSent(null);
      this.req.timeline.push({ type: 'error', t: this.req.timeline.now(), code: f.info.code, message: f.message });
      this.reject(f);
    } else this.resolve(r!);
  }

  onSocket(socket: Socket): void {
    this.sentAt = performance.now();
    this.remoteAddress = socket.remoteAddress ?? null;
    // undici chose HTTP/2 on exactly this test; the connector set it (ALPN, or h2c).
    this.version = (socket as Socket & { alpnProtocol?: unknown }).alpnProtocol === 'h2' ? '2' : '1.1';
    const info = getConnInfo(socket);
    this.pushConnection(info);
    this.req.onSent(this.version);
  }

  private pushConnection(info: ConnInfo | undefined): void {
    if (!info) return;
    const tl = this.req.timeline;
    this.reused = info.used;
    this.info = info;
    if (info.used) {
      tl.push({ type: 'connect', t: tl.now(), address: info.address, reused: true, ms: 0 });
      return;
    }
    info.used = true;
    const at = (ms: number): number => ms - tl.t0;
    let t = info.startedAt;
    if (info.dnsMs !== null) {
      tl.push({ type: 'dns', t: at(t), host: info.host, address: info.dnsAddress, ms: info.dnsMs });
      t += info.dnsMs;
    }
    if (info.proxy) tl.push({ type: 'proxy', t: at(t), url: info.proxy.url, tunnel: info.proxy.tunnel });
    tl.push({ type: 'connect', t: at(t), address: info.address, reused: false, ms: info.connectMs });
    t += info.connectMs;
    if (info.tls && info.tlsMs !== null) tl.push({ type: 'tls', t: at(t), ...info.tls, ms: info.tlsMs });
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortFn = abort;
    if (this.pendingAbort) abort(this.pendingAbort);
  }

  onHeaders(status: number, raw: Buffer[], resume: () => void, statusText: string): boolean {
    if (this.settled) return false;
    const tl = this.req.timeline;
    if (status < 200) {
      tl.push({ type: 'info', t: tl.now(), message: `${status} ${statusText} (informational)` });
      return true;
    }
    this.headersAt = performance.now();
    const headers: Array<[string, string]> = [];
    let headerBytes = 12 + statusText.length + 2 + 2;
    const t = tl.now();
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toString('latin1');
      const value = raw[i + 1]!.toString('latin1');
      headers.push([name, value]);
      headerBytes += name.length + value.length + 4;
      tl.push({ type: 'header.in', t, name, value });
    }
    this.head = { status, statusText, headers, headerBytes };
    const cfg = this.req.sinkFor(status, headers);
    if (cfg) {
      // HEAD and 304 announce the length of a body they do not carry.
      const carries = this.req.method !== 'HEAD' && status !== 304;
      const announced = carries && cfg.plan.length === 0 ? announcedLength(headers) : undefined;
      // A body announced over the cap fails now, not after gigabytes have gone to disk.
      if (announced !== undefined && announced > cfg.maxBodyBytes) {
        this.abort(new SendFailure('body-too-large',
          `Body of ${cfg.url} announces ${announced} bytes (Content-Length), over the cap of ${cfg.maxBodyBytes} bytes`));
        return false;
      }
      this.sink = new BodySink(cfg, this);
      this.sink.onDrain = resume;
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.settled) return false;
    if (!this.sink) {
      this.discarded += chunk.length;
      return true;
    }
    return this.sink.write(chunk);
  }

  onComplete(): void {
    if (this.settled) return;
    this.doneAt = performance.now();
    if (!this.sink) return this.finishWith(null);
    this.sink.finish().then((body) => this.finishWith(body), (err: unknown) => this.settle(toFailure(err, this.req.url)));
  }

  private finishWith(body: ResponseBody | null): void {
    const sink = this.sink;
    const head = this.head!;
    const fresh = this.info && !this.reused ? this.info : undefined;
    this.settle(null, {
      status: head.status,
      statusText: head.statusText,
      headers: head.headers,
      headerBytes: head.headerBytes,
      body,
      wireBytes: sink ? sink.wireBytes : this.discarded,
      decodedBytes: sink ? sink.decodedBytes : this.discarded,
      remoteAddress: this.remoteAddress,
      httpVersion: this.version ?? '1.1',
      timings: {
        dns: fresh ? fresh.dnsMs : null,
        connect: fresh ? fresh.connectMs : null,
        tls: fresh ? fresh.tlsMs : null,
        firstByte: this.sentAt ? this.headersAt - this.sentAt : 0,
        download: this.doneAt - this.headersAt,
      },
    });
  }

  onError(err: Error): void {
    this.sink?.destroy();
    const socketError = this.info?.error;
    const cause = socketError && (err as { code?: string }).code === 'UND_ERR_SOCKET' ? socketError : err;
    this.settle(this.h2cRefused(cause) ?? toFailure(cause, this.req.url));
  }

  /** An HTTP/1.1 server sent HTTP/2 with prior knowledge answers with bytes that are no HTTP/2 frame. */
  private h2cRefused(err: Error): SendFailure | undefined {
    const code = (err as { code?: unknown }).code;
    if (this.version !== '2' || this.info?.tls || this.head || typeof code !== 'string' || !code.startsWith('ERR_HTTP2_')) return undefined;
    return new SendFailure('http2-unsupported', `HTTP/2 was required, but ${this.req.url} did not answer HTTP/2 sent with prior knowledge (h2c): ${err.message}; the server probably speaks only HTTP/1.1 there`);
  }
}

export interface Hop {
  promise: Promise<HopResult>;
  abort: (f: SendFailure) => void;
}

/** Sends one request (no redirect handling) and reads its response. */
export function runHop(req: HopRequest): Hop {
  const handler = new HopHandler(req);
  req.dispatcher.dispatch({
    origin: req.origin,
    path: req.path,
    method: req.method as Dispatcher.HttpMethod,
    headers: req.headers,
    body: req.body,
    headersTimeout: req.headersTimeout,
    bodyTimeout: req.bodyTimeout,
  }, handler);
  return { promise: handler.promise, abort: (f) => handler.abort(f) };
}

/** The Content-Length a response head announces, when it holds one plain number. */
function announcedLength(headers: ReadonlyArray<[string, string]>): number | undefined {
  const h = headers.find(([name]) => name.length === 14 && name.toLowerCase() === 'content-length');
  return h && /^\d{1,16}$/.test(h[1].trim()) ? Number(h[1].trim()) : undefined;
}
