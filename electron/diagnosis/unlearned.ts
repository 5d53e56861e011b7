// What a diagnosis could not learn, said plainly: probes the server never answered, answers that
// only show a rate limiter, answers that flap, and probes left unsent when the run stopped early.
// A diagnosis that stopped on a sick server must not read like one that tested everything.
import type { ProbeResult } from './types';

/** Consecutive probes the server did not answer (or only rate-limited) before the diagnosis stops. */
export const GIVE_UP_AFTER = 5;
/** The most time all announced waits (Retry-After…) of one diagnosis may take together. */
export const MAX_TOTAL_WAIT_MS = 45_000;

export type Streak = { kind: 'unanswered' | 'rate-limited' | null; count: number };

/** The run of like answers a new probe result extends or breaks. */
export function nextStreak(s: Streak, r: ProbeResult): Streak {
  const kind = r.status === null ? 'unanswered' : r.status === 429 ? 'rate-limited' : null;
  return { kind, count: kind !== null && kind === s.kind ? s.count + 1 : kind ? 1 : 0 };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function changes(ps: readonly ProbeResult[]): string {
  const shown = ps.slice(0, 4).map((p) => p.change).join('; ');
  return ps.length > 4 ? `${shown}; and ${ps.length - 4} more` : shown;
}

/**
 * One line per thing the probes could not show. `unsent`: the changes planned but never sent when
 * the run stopped early (budget, a server that stopped answering or only rate-limits, a wait cap).
 */
export function unlearned(probes: readonly ProbeResult[], unsent: readonly string[], stopped: string | undefined): string[] {
  const out: string[] = [];
  const failed = probes.filter((p) => p.status === null && p.error);
  if (failed.length) {
    const codes = [...new Set(failed.map((p) => p.error!.code))].join(', ');
    out.push(`${plural(failed.length, 'probe')} got no answer (${codes}), so what they change was not tested: ${changes(failed)}`);
  }
  const limited = probes.filter((p) => p.status === 429);
  if (limited.length) {
    out.push(`${plural(limited.length, 'probe was', 'probes were')} answered 429 by a rate limiter: those answers show the limit, not whether the change would pass (${changes(limited)})`);
  }
  const flaps = probes.filter((p) => p.flipped && probes.some((c) => c.id === `${p.id}:confirm` && !c.flipped));
  if (flaps.length) {
    out.push(`${plural(flaps.length, 'change')} succeeded once and not when sent again: the server answers the same request differently, so no single answer proves a fix (${changes(flaps)})`);
  }
  if (unsent.length) {
    const why = stopped === 'unreachable' ? `the server did not answer ${GIVE_UP_AFTER} probes in a row`
      : stopped === 'rate-limited' ? `the server rate-limited ${GIVE_UP_AFTER} probes in a row or its announced waits passed ${MAX_TOTAL_WAIT_MS / 1000} s in all`
        : stopped === 'budget' ? 'the probe budget ran out' : 'the run stopped';
    const list = unsent.slice(0, 6).join('; ');
    out.push(`Not sent because ${why}: ${list}${unsent.length > 6 ? `; and ${unsent.length - 6} more` : ''}`);
  }
  return out;
}
