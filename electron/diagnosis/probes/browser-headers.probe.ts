// What a browser sends and an API client does not: a browser-like User-Agent and Accept, and the
// same request with none of the engine's default headers. Bot rules and WAFs key on these. A
// refusal about the representation (406, or an answer that names Accept or the content type) first
// gets an API's `Accept: application/json`.
import { recordBodyText } from '../../../shared/model';
import { withHeader, withoutHeaders } from '../edit';
import type { ProbeContext, ProbeFamily, ProbeVariant } from '../types';

export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The refusal is about what the client accepts: a 406, or words about Accept / content negotiation. */
function aboutAccept(ctx: ProbeContext): boolean {
  if (ctx.response.status === 406) return true;
  return /\bnot acceptable\b|accept header|\bAccept\b[^.]{0,40}(must|required|application\/json|not supported)|only application\/json|content negotiation/i
    .test(recordBodyText(ctx.response).slice(0, 20_000));
}

export const browserHeadersProbe: ProbeFamily = {
  id: 'browser-headers',
  priority: (ctx) => (aboutAccept(ctx) ? 86 : ctx.explanation.cause === 'waf-or-bot-block' ? 88 : ctx.explanation.producer?.kind === 'cdn-waf' ? 70 : 35),
  variants: (ctx) => {
    const accept = ctx.baseline.headers.find((h) => h.name.toLowerCase() === 'accept')?.value;
    const json: ProbeVariant[] = accept && /^application\/json\b/i.test(accept) ? [] : [{
      id: 'browser-headers:accept-json', family: 'browser-headers', change: `Accept: application/json instead of ${accept ? `"${accept}"` : 'no Accept'}`,
      prepared: withHeader(ctx.baseline, 'Accept', 'application/json'), cause: 'method-or-path-blocked', step: 'server',
      meaning: {
        onSuccess: `with Accept: application/json the call succeeds: the server refuses ${accept ? `"${accept}"` : 'a request without Accept'} (a content rule or negotiation)`,
        onSame: 'Accept: application/json changes nothing: the refusal is not about content negotiation',
      },
    }];
    const ua = withHeader(ctx.baseline, 'User-Agent', BROWSER_UA);
    const both = withHeader(ua, 'Accept', BROWSER_ACCEPT);
    const bare = withoutHeaders(ctx.baseline, (h) => h.origin === 'default');
    const sent = ctx.baseline.headers.find((h) => h.name.toLowerCase() === 'user-agent')?.value ?? 'none';
    const out: ProbeVariant[] = [
      { id: 'browser-headers:user-agent', family: 'browser-headers', change: `a browser's User-Agent instead of "${sent}"`, prepared: ua,
        cause: 'waf-or-bot-block', step: 'server',
        meaning: {
          onSuccess: `a rule refuses the User-Agent "${sent}": with a browser's User-Agent the call succeeds (a bot or WAF rule on the client's name)`,
          onSame: 'a browser\'s User-Agent changes nothing: the refusal is not about the client\'s name',
        } },
      { id: 'browser-headers:user-agent+accept', family: 'browser-headers', change: "a browser's User-Agent and Accept", prepared: both,
        cause: 'waf-or-bot-block', step: 'server',
        meaning: { onSuccess: 'with a browser\'s User-Agent and Accept the call succeeds: a bot or WAF rule checks the client\'s headers' } },
    ];
    // Only a refusal about the representation is worth an API's Accept (first); elsewhere it is rarely why.
    if (aboutAccept(ctx)) out.unshift(...json);
    if (bare.headers.length !== ctx.baseline.headers.length) {
      out.push({ id: 'browser-headers:no-defaults', family: 'browser-headers', change: 'without the engine\'s default headers (User-Agent, Accept, Accept-Encoding)',
        prepared: bare, cause: 'waf-or-bot-block', step: 'server',
        meaning: { onSuccess: 'without the default User-Agent/Accept/Accept-Encoding the call succeeds: a rule refuses one of them' } });
    }
    return out;
  },
};
