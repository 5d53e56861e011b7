import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { onAbort } from './abort-watch';
import { dispatchersFor } from './dispatchers';
import { decodingPlan } from './decoders';
import { toFailure } from './error-map';
import { runHop, type Hop, type HopVersion } from './exchange';
import { h2Wire } from './h2-headers';
import { baseForVersion, dispatchersForHop } from './http-version';
import { bypassesProxy } from './no-proxy';
import { normalizeOptions } from './options';
import { isRedirect, nextHop } from './redirects';
import { NO_BODY, prepareBody } from './request-body';
import { SendFailure } from './send-failure';
import { Timeline } from './timeline';
import { buildUrl, checkHeaders, checkRequest, normalizeRequest } from './validate';
import { baseHeaders, hopHeaders, type BaseHeaders } from './wire-headers';
import { headerValue } from '../../shared/model';
import type { RedirectHop, RequestSpec, RequestSpecInput, ResponseRecord, SendOptionsInput, TimelineEvent, WireHeader } from '../../shared/model';

export interface SendContext {
  signal?: AbortSignal;
  /** live timeline events */
  onEvent?: (e: TimelineEvent) => void;
  /** where big bodies go (default: os.tmpdir()/clearance-bodies) */
  bodyDir?: string;
  /** a body past the in-memory limit keeps only its preview, the rest counted (the caller reads no more) */
  previewOnly?: boolean;
  /** headers added by later layers (auth/gateway) with their origin; applied after user headers */
  injectedHeaders?: WireHeader[];
  /** the complete header list already layered by prepare() (defaults, user, folder, gateway, auth): used as it is */
  base?: BaseHeaders;
}

const DEFAULT_BODY_DIR = join(tmpdir(), 'clearance-bodies');

export function bodyDirectory(): string {
  return DEFAULT_BODY_DIR;
}

function contentTypeOf(headers: Array<[string, string]>): string | null {
  return headerValue(headers, 'content-type') ?? null;
}

function optionsOf(input: SendOptionsInput | undefined): ReturnType<typeof normalizeOptions> {
  try {
    return normalizeOptions(input);
  } catch (err) {
    throw new SendFailure('invalid-options', `Invalid send options: ${(err as Error).message}`);
  }
}

/** The one send path: validates, sends, follows redirects and returns the full record. */
export async function send(request: RequestSpec | RequestSpecInput, options?: SendOptionsInput, ctx: SendContext = {}): Promise<ResponseRecord> {
  const spec = normalizeRequest(request);
  let url = buildUrl(spec.url, spec.params);
  checkRequest(spec);
  const opts = optionsOf(options);
  if (ctx.injectedHeaders) checkHeaders(ctx.injectedHeaders);
  if (ctx.base) checkHeaders(ctx.base.list);
  if (url.hash) url.hash = '';
  let method = spec.method.toUpperCase();
  if (ctx.signal?.aborted) throw new SendFailure('cancelled', `Request to ${url.href} was cancelled before it started`);

  // No await for the common body-less request: every tick counts on the hot path.
  const body = spec.body.kind === 'none' ? NO_BODY : await prepareBody(spec.body);
  const dispatchers = dispatchersFor(opts);
  const timeline = new Timeline(performance.now(), ctx.onEvent);
  const fitted = baseForVersion(opts, ctx.base ?? baseHeaders(spec.headers, ctx.injectedHeaders, opts.decompression.enabled, opts.omitDefaultHeaders));
  let base = fitted.base;
  for (const name of base.ignored) {
    timeline.push({ type: 'info', t: timeline.now(), message: `Header ${name} is managed by the engine; the row was not sent` });
  }
  for (const message of fitted.notes) timeline.push({ type: 'info', t: timeline.now(), message });

  let hop: Hop | undefined;
  let failure: SendFailure | undefined;
  const stop = (f: SendFailure): void => {
    failure ??= f;
    hop?.abort(f);
  };
  const timer = setTimeout(() => stop(new SendFailure('timeout-total', `Request to ${url.href} did not finish within ${opts.timeouts.totalMs} ms`)), opts.timeouts.totalMs);
  const unwatch = onAbort(ctx.signal, () => stop(new SendFailure('cancelled', `Request to ${url.href} was cancelled`)));

  const redirects: RedirectHop[] = [];
  // Built on the first redirect only: most sends have none.
  let visited: Set<string> | undefined;
  let withBody = body.data !== null;
  try {
    for (;;) {
      const proxy = dispatchers.proxy && !bypassesProxy(url.hostname, dispatchers.proxy.noProxy) ? dispatchers.proxy : undefined;
      const forward = proxy !== undefined && url.protocol === 'http:';
      const hopSet = dispatchersForHop(opts, dispatchers, url, base, forward ? proxy : undefined);
      const dispatcher = proxy ? hopSet.dispatchers.proxied! : hopSet.dispatchers.direct;
      // A switched-off Content-Type: the body goes without the type the engine would name.
      const hopBody = withBody && opts.omitDefaultHeaders.includes('content-type') ? { ...body, contentType: undefined } : body;
      const hh = hopHeaders(base, url, method, withBody ? hopBody : null, forward ? proxy.auth : undefined);
      const target = forward ? `${url.origin}${url.pathname}${url.search}` : `${url.pathname}${url.search}`;
      timeline.push({ type: 'request.url', t: timeline.now(), method, url: url.href });
      if (hopSet.note) timeline.push({ type: 'info', t: timeline.now(), message: hopSet.note });
      const hopUrl = url;
      const hopMethod = method;
      // The header block is shown as it went out, once the connection says which version carried it.
      let sent = hh.wire;
      const onSent = (v: HopVersion | null): void => {
        if ((v ?? (opts.httpVersion === '2' ? '2' : '1.1')) === '2') sent = h2Wire(hh.wire, hopMethod, hopUrl);
        const t = timeline.now();
        for (const h of sent) {
          const ev: TimelineEvent = { type: 'header.out', t, name: h.name, value: h.value, origin: h.origin };
          if (h.sensitive) ev.sensitive = true;
          timeline.push(ev);
        }
      };
      const following = opts.redirects.follow;
      hop = runHop({
        dispatcher, origin: url.origin, path: target, method, headers: hh.flat,
        body: withBody ? (typeof body.data === 'function' ? body.data() : body.data) : null,
        headersTimeout: opts.timeouts.firstByteMs, bodyTimeout: opts.timeouts.totalMs,
        url: url.href, timeline, onSent,
        sinkFor: (status, headers) => {
          if (following && isRedirect(status, headers)) return null;
          const encoding = headerValue(headers, 'content-encoding');
          const plan = opts.decompression.enabled ? decodingPlan(encoding) : [];
          if (plan === null) timeline.push({ type: 'info', t: timeline.now(), message: `Unknown Content-Encoding ${encoding}; raw bytes kept` });
          // Bytes kept compressed are not text whatever Content-Type says: sniff them instead.
          const stillEncoded = !plan?.length && encoding !== undefined && decodingPlan(encoding)?.length !== 0;
          return {
            plan: plan ?? [], decompression: opts.decompression, inlineLimit: opts.inlineBodyLimit, maxBodyBytes: opts.maxBodyBytes,
            bodyDir: ctx.bodyDir ?? DEFAULT_BODY_DIR, previewOnly: ctx.previewOnly === true, contentType: stillEncoded ? null : contentTypeOf(headers), url: hopUrl.href,
          };
        },
      });
      if (failure) hop.abort(failure);
      const res = await hop.promise;

      if (following && isRedirect(res.status, res.headers)) {
        if (redirects.length >= opts.redirects.max) {
          throw new SendFailure('too-many-redirects', `${spec.url} redirected more than ${opts.redirects.max} times (last: ${url.href})`);
        }
        const next = nextHop(res.status, res.headers, url, method, base, withBody);
        const key = `${next.method} ${next.url.href}`;
        redirects.push(next.hop);
        timeline.push({ type: 'redirect', t: timeline.now(), hop: next.hop });
        visited ??= new Set([`${method} ${url.href}`]);
        if (visited.has(key)) {
          throw new SendFailure('redirect-loop', `Redirect loop: ${url.href} sends ${next.method} back to ${next.url.href}, already visited`);
        }
        visited.add(key);
        url = next.url;
        method = next.method;
        base = next.base;
        withBody = next.keepBody;
        continue;
      }

      return {
        status: res.status,
        statusText: res.statusText,
        httpVersion: res.httpVersion,
        headers: res.headers,
        body: res.body ?? { kind: 'inline', encoding: 'utf8', data: '' },
        contentType: contentTypeOf(res.headers),
        size: { headers: res.headerBytes, bodyWire: res.wireBytes, bodyDecoded: res.decodedBytes },
        timings: { dns: res.timings.dns, connect: res.timings.connect, tls: res.timings.tls, firstByte: res.timings.firstByte, download: res.timings.download, total: timeline.now() },
        wire: {
          method, url: url.href, requestLine: `${method} ${target} HTTP/${res.httpVersion}`, headers: sent,
          bodyBytes: withBody ? body.length : null,
          ...(proxy ? { proxy: proxy.display } : {}),
        },
        redirects,
        timeline: timeline.events,
        remoteAddress: res.remoteAddress,
        url: url.href,
      };
    }
  } catch (err) {
    throw failure ?? toFailure(err, url.href);
  } finally {
    clearTimeout(timer);
    unwatch();
  }
}
