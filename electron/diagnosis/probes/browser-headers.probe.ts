// What a browser sends and an API client does not: a browser-like User-Agent and Accept, and the
// same request with none of the engine's default headers. Bot rules and WAFs key on these.
import { withHeader, withoutHeaders } from '../edit';
import type { ProbeFamily, ProbeVariant } from '../types';

export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

export const browserHeadersProbe: ProbeFamily = {
  id: 'browser-headers',
  priority: (ctx) => (ctx.explanation.cause === 'waf-or-bot-block' ? 88 : ctx.explanation.producer?.kind === 'cdn-waf' ? 70 : 35),
  variants: (ctx) => {
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
    if (bare.headers.length !== ctx.baseline.headers.length) {
      out.push({ id: 'browser-headers:no-defaults', family: 'browser-headers', change: 'without the engine\'s default headers (User-Agent, Accept, Accept-Encoding)',
        prepared: bare, cause: 'waf-or-bot-block', step: 'server',
        meaning: { onSuccess: 'without the default User-Agent/Accept/Accept-Encoding the call succeeds: a rule refuses one of them' } });
    }
    return out;
  },
};
