// The HTTP version: bot rules and some edges refuse HTTP/1.1 (browsers speak HTTP/2), and a few
// backends or WAFs refuse what arrives over HTTP/2. The same request is sent with the other
// version than the one the refusal came over — HTTP/2 (by ALPN) or HTTP/1.1 only. Only over TLS:
// on http:// nothing but HTTP/1.1 is spoken to a server that does not expect prior knowledge.
import { clone } from '../edit';
import type { HttpVersion } from '../../../shared/model';
import type { ProbeFamily, ProbeVariant } from '../types';

const NAME: Record<Exclude<HttpVersion, 'auto'>, string> = { '1.1': 'HTTP/1.1 only', '2': 'HTTP/2' };

export const httpVersionProbe: ProbeFamily = {
  id: 'http-version',
  priority: (ctx) => {
    if (new URL(ctx.baseline.url).protocol !== 'https:') return 0;
    const e = ctx.explanation;
    return e.cause === 'waf-or-bot-block' || e.producer?.kind === 'cdn-waf' ? 60 : 22;
  },
  variants: (ctx) => {
    // What the refusal came over: the record's negotiated version (the options may say 'auto').
    const used = ctx.response.httpVersion.startsWith('2') ? '2' : '1.1';
    const other: Exclude<HttpVersion, 'auto'> = used === '2' ? '1.1' : '2';
    const prepared = clone(ctx.baseline);
    prepared.options = { ...prepared.options, httpVersion: other };
    const v: ProbeVariant = {
      id: `http-version:${other}`, family: 'http-version', change: `${NAME[other]} instead of HTTP/${used === '2' ? '2' : '1.1'}`, prepared,
      cause: other === '2' ? 'waf-or-bot-block' : 'method-or-path-blocked', step: 'server',
      meaning: {
        onSuccess: other === '2'
          ? 'over HTTP/2 the call succeeds: the edge refuses HTTP/1.1 clients (a bot rule: browsers speak HTTP/2)'
          : 'over HTTP/1.1 the call succeeds: a layer refuses the request as it arrives over HTTP/2 (a WAF or backend rule on the protocol)',
        onSame: `over ${NAME[other]} it is refused the same way: the HTTP version is not the problem`,
      },
    };
    return [v];
  },
};
