// The clock: signatures (SigV4, signed URLs) and tokens carry a time the server compares with its own.
// The skew is read without a request — the error's own server time when it gives one (S3's
// <ServerTime>, API Gateway's "Signature expired: … (<server time> - 5 min.)"), else the Date of
// every answer against our clock — and reported when the refusal points at signatures or expiry.
// For a SigV4 key the request is signed once more with the clock moved by the measured skew: if
// that succeeds, this machine's clock is off and nothing in the request needs to change.
import { headerValue, recordBodyText, type ResponseRecord } from '../../../shared/model';
import { clone } from '../edit';
import type { Finding, ProbeContext, ProbeFamily, ProbeVariant } from '../types';

/** What signature and expiry errors say (AWS, S3-compatible stores, GCS, Azure, generic HMAC gateways). */
const SIGNATURE_TEXT = /RequestTimeTooSkewed|Signature expired|Signature not yet current|RequestExpired|request time (is )?too skewed|clock skew|AuthenticationFailed.*(time|date)|Request has expired|x-amz-date.*(too old|expired)|timestamp (is )?(expired|too old|outside|out of range)|request is too old/i;
/** Below this the skew is the Date header's rounding and the network, not a clock problem. */
export const NEGLIGIBLE_MS = 2_000;
/** AWS refuses a signature more than 5 min away from its clock (S3 15 min); most HMAC schemes use 5 min too. */
export const TOLERANCE_MS = 5 * 60_000;

/** `20240102T030405Z` (SigV4's X-Amz-Date form) or an ISO date, in ms. */
function parseTime(s: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s.trim());
  const ms = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Date.parse(s.trim());
  return Number.isNaN(ms) ? null : ms;
}

/** The skew an error body states exactly: the server's time against the time the request was signed. */
export function skewFromBody(body: string): number | null {
  // S3 and compatible stores: <RequestTime>…</RequestTime><ServerTime>…</ServerTime>.
  const req = /<RequestTime>([^<]+)<\/RequestTime>/.exec(body)?.[1];
  const srv = /<ServerTime>([^<]+)<\/ServerTime>/.exec(body)?.[1];
  if (req && srv) {
    const a = parseTime(req);
    const b = parseTime(srv);
    if (a !== null && b !== null) return b - a;
  }
  // API Gateway / AWS services: "Signature expired: <req> is now earlier than <limit> (<server> - 5 min.)"
  // or "Signature not yet current: <req> is still later than <limit> (<server> + 5 min.)".
  const aws = /Signature (?:expired|not yet current): (\d{8}T\d{6}Z) is (?:now earlier|still later) than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) [-+]/.exec(body);
  if (aws) {
    const a = parseTime(aws[1]!);
    const b = parseTime(aws[2]!);
    if (a !== null && b !== null) return b - a;
  }
  return null;
}

/** The refusal is about a signature's or a token's time (the explanation, or the words of the answer). */
export function pointsAtTime(ctx: Pick<ProbeContext, 'explanation' | 'response'>): boolean {
  const e = ctx.explanation;
  if (e.cause === 'signature-or-clock-skew' || e.candidates.some((c) => c.cause === 'signature-or-clock-skew' && c.confidence >= 0.3)) return true;
  const www = headerValue(ctx.response.headers, 'www-authenticate') ?? '';
  return SIGNATURE_TEXT.test(recordBodyText(ctx.response)) || /expired|not yet valid|clock/i.test(www);
}

/** The skew and where it was read: the error body's exact times first, else the Date headers. */
export function measuredSkew(ctx: Pick<ProbeContext, 'response' | 'skewMs'>, response: ResponseRecord = ctx.response): { ms: number; from: string } | null {
  const exact = skewFromBody(recordBodyText(response));
  if (exact !== null) return { ms: exact, from: "the server's time in the error" };
  const dated = ctx.skewMs();
  return dated === null ? null : { ms: dated, from: "the server's Date header" };
}

/** `3605 s (1 h 0 min)`, without the sign. */
export function formatSkew(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  const minutes = Math.round(s / 60);
  const h = Math.floor(minutes / 60);
  return `${s} s (${h ? `${h} h ` : ''}${minutes % 60} min)`;
}

/** "N s behind the server's" (our clock is earlier) or "N s ahead of the server's". */
function direction(ms: number): string {
  return `${formatSkew(ms)} ${ms > 0 ? "behind the server's" : "ahead of the server's"}`;
}

function signedVariant(ctx: ProbeContext, skew: { ms: number; from: string }): ProbeVariant {
  const key = ctx.baseline.key!;
  const profile = key.profile.kind === 'aws-sigv4' ? key.profile : null;
  const sign = profile ? ` (region ${profile.region}, service ${profile.service})` : '';
  return {
    id: 'clock-skew:signed-at-server-time', family: 'clock-skew',
    change: `signed with the clock moved ${ms(skew.ms)} to the server's time (measured from ${skew.from})`,
    prepared: clone(ctx.baseline), clockOffsetMs: skew.ms, diagnosticOnly: true, conclusive: true,
    cause: 'signature-or-clock-skew', step: 'auth',
    meaning: {
      onSuccess: `signed at the server's time the call succeeds: this machine's clock is ${direction(skew.ms)}; the key and the request are right, the signing time is not`,
      onSame: `signed at the server's time it is still refused: the clock is not what is wrong; check the secret key of key "${key.name}"${sign} and the headers it signs`,
      onOther: (status) => `signed at the server's time the answer changes to ${status}: the clock was one problem, another remains`,
    },
  };
}

const ms = (v: number): string => `${v > 0 ? '+' : '-'}${formatSkew(v)}`;

export const clockSkewProbe: ProbeFamily = {
  id: 'clock-skew',
  // Only a key signed at send time can be signed again at another time; for anything else the skew is evidence, not a probe.
  priority: (ctx) => (ctx.baseline.key?.kind === 'aws-sigv4' && pointsAtTime(ctx) ? 92 : 0),
  variants: (ctx) => {
    const skew = measuredSkew(ctx);
    if (skew) return Math.abs(skew.ms) < NEGLIGIBLE_MS ? [] : [signedVariant(ctx, skew)];
    // The answer in hand carried no time (a response the app already had): send it once more to read the server's clock.
    return [{
      id: 'clock-skew:measure', family: 'clock-skew', change: "the same request, sent again to read the server's clock (Date)", prepared: clone(ctx.baseline),
      diagnosticOnly: true, cause: 'signature-or-clock-skew', step: 'auth',
      meaning: { onSuccess: 'sent again unchanged it succeeds', onSame: '' },
      gather: (rec) => {
        const again = measuredSkew(ctx, rec);
        if (!again) return { proved: "the server sends no Date: its clock cannot be compared with this machine's", next: [] };
        if (Math.abs(again.ms) < NEGLIGIBLE_MS) return { proved: `the server's clock and this machine's agree within ${formatSkew(NEGLIGIBLE_MS)}`, next: [] };
        return { proved: `this machine's clock is ${direction(again.ms)} (from ${again.from})`, next: [signedVariant(ctx, again)] };
      },
    }];
  },
  findings: (ctx): Finding[] => {
    const timeRefusal = pointsAtTime(ctx);
    const skew = measuredSkew(ctx);
    const base = { id: 'clock-skew:measured', family: 'clock-skew', step: 'auth' as const };
    if (!skew) {
      return timeRefusal ? [{ ...base, state: 'unknown', text: "The refusal is about a signature's or token's time, but no answer carried a Date: compare this machine's clock with a time server by hand" }] : [];
    }
    const abs = Math.abs(skew.ms);
    if (abs >= TOLERANCE_MS && !timeRefusal) {
      return [{ ...base, state: 'unknown', text: `This machine's clock is ${direction(skew.ms)} (from ${skew.from}): not why this call is refused, but signatures and tokens will be` }];
    }
    if (abs >= TOLERANCE_MS) {
      return [{
        ...base, state: 'fail', cause: 'signature-or-clock-skew',
        text: `This machine's clock is ${direction(skew.ms)} (from ${skew.from}): signatures and tokens are judged by the server's clock, and most allow 5 min at most`,
        ask: `Set this machine's clock right (turn on time sync: NTP, \`timedatectl set-ntp true\`, or the OS date settings): it is ${direction(skew.ms)}. No change to the request or the key is needed for that.`,
      }];
    }
    if (!timeRefusal) return [];
    if (abs >= 30_000) {
      return [{ ...base, state: 'unknown', text: `This machine's clock is ${direction(skew.ms)} (from ${skew.from}): within the usual 5 min, but enough for a tight signature or token window` }];
    }
    return [{
      ...base, state: 'pass',
      text: `This machine's clock and the server's agree within ${formatSkew(Math.max(abs, NEGLIGIBLE_MS))} (from ${skew.from}): the time is not the problem; the signature itself is (secret key, region, service, signed headers) or the signed URL has expired`,
    }];
  },
};
