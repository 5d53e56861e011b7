// The Rate limit tab: the response's quota headers in plain words — what is left of what, when
// it refills (a live countdown) and Retry-After — read by the same parser the runner waits on.
import { rateLimitInfo, type Quota, type RateLimitInfo } from '../../../../shared/http/rate-limit';
import type { ResponseRecord } from '../../../../shared/model';
import { countdown, useNow } from './use-now';

/** The reading, once per response, against the time it arrived. */
export function rateLimitOf(record: ResponseRecord, receivedAt: number): RateLimitInfo | null {
  return rateLimitInfo(record.headers, receivedAt);
}

function Left({ at, now, label }: { at: number; now: number; label: string }) {
  const left = at - now;
  return left > 0
    ? <span className="rl-countdown" aria-label={label}>in <strong>{countdown(left)}</strong></span>
    : <span className="rl-countdown is-done" aria-label={label}>now</span>;
}

function QuotaRow({ q, receivedAt, now }: { q: Quota; receivedAt: number; now: number }) {
  const used = q.limit !== null && q.remaining !== null ? Math.max(0, q.limit - q.remaining) : null;
  const exhausted = q.remaining === 0;
  const what = q.unit || 'requests';
  return (
    <div className={`rl-quota${exhausted ? ' is-exhausted' : ''}`} role="group" aria-label={`Quota of ${what}`}>
      <div className="rl-numbers">
        <span className="rl-remaining">{q.remaining ?? '?'}</span>
        <span className="rl-of">of {q.limit ?? '?'} {what} left</span>
      </div>
      {q.limit !== null && used !== null && q.limit > 0 && (
        <div className="rl-bar" aria-hidden><span style={{ width: `${Math.min(100, (used / q.limit) * 100)}%` }} /></div>
      )}
      <div className="rl-reset">
        Resets {q.resetMs === null ? <span className="muted">(not said)</span> : <Left at={receivedAt + q.resetMs} now={now} label={`${what} reset`} />}
      </div>
      <div className="rl-headers mono">{q.headers.join(' · ')}</div>
    </div>
  );
}

export function RateLimitView({ info, receivedAt }: { info: RateLimitInfo; receivedAt: number }) {
  const ends = [...info.quotas.map((q) => (q.resetMs === null ? 0 : receivedAt + q.resetMs)), info.retryAfterMs === null ? 0 : receivedAt + info.retryAfterMs];
  const now = useNow(ends.some((t) => t > Date.now()));
  // tabIndex: read-only content, so the keyboard can reach it to scroll it.
  return (
    <div className="scroll-area rate-limit" tabIndex={0}>
      {info.retryAfterMs !== null && (
        <div className="rl-retry" role="note" aria-label="Retry-After">
          <strong>Retry-After</strong> — the server asks to wait before the next request: retry <Left at={receivedAt + info.retryAfterMs} now={now} label="Retry after" />
          <span className="muted mono"> (Retry-After: {info.retryAfter})</span>
        </div>
      )}
      {info.quotas.map((q, i) => <QuotaRow key={i} q={q} receivedAt={receivedAt} now={now} />)}
      {info.policy && <p className="muted rl-policy">Policy: <span className="mono">{info.policy}</span></p>}
      <p className="muted rl-note">A run waits as these headers ask (<code>clearance run --max-wait</code>).</p>
    </div>
  );
}
