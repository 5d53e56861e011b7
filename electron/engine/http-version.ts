import { http1DispatchersFor, type Dispatchers, type ProxyPlan } from './dispatchers';
import { fitForH2, h1OnlyHeaders } from './h2-headers';
import { SendFailure } from './send-failure';
import type { BaseHeaders } from './wire-headers';
import type { SendOptions } from '../../shared/model';

/** A required HTTP/2 cannot carry connection-specific rows: they are dropped once, before the first hop, and said. */
export function baseForVersion(opts: SendOptions, base: BaseHeaders): { base: BaseHeaders; notes: string[] } {
  if (opts.httpVersion !== '2') return { base, notes: [] };
  const fit = fitForH2(base);
  return { base: fit.base, notes: fit.dropped.map((n) => `Header ${n} is connection-specific and HTTP/2 forbids it; the row was not sent`) };
}

/**
 * The dispatchers one hop goes through, and a note when its version is settled before connecting:
 * 'auto' keeps HTTP/1.1 for a request whose headers HTTP/2 cannot carry as written; '2' refuses a
 * forward proxy (it forwards http:// requests itself, in HTTP/1.1). Otherwise ALPN (or h2c) decides.
 */
export function dispatchersForHop(opts: SendOptions, dispatchers: Dispatchers, url: URL, base: BaseHeaders,
  forwardProxy: ProxyPlan | undefined): { dispatchers: Dispatchers; note?: string } {
  if (opts.httpVersion === '2' && forwardProxy) {
    throw new SendFailure('http2-unsupported', `HTTP/2 was required, but ${url.href} goes through the forward proxy ${forwardProxy.display}, which forwards http:// requests in HTTP/1.1; use https://, a no-proxy entry for ${url.hostname}, or HTTP version auto`);
  }
  if (opts.httpVersion !== 'auto' || url.protocol !== 'https:') return { dispatchers };
  const h1 = h1OnlyHeaders(base.list);
  if (h1.length === 0) return { dispatchers };
  return {
    dispatchers: http1DispatchersFor(opts),
    note: `HTTP/1.1 used for ${url.host}: header ${h1.join(', ')} cannot go over HTTP/2 as written (connection-specific, or written twice in different cases)`,
  };
}
