// A watch's interval: the presets the control offers, and what a person types for a custom one.
export const MIN = 60_000;
export const PRESETS: Array<[number, string]> = [[MIN, '1 min'], [5 * MIN, '5 min'], [15 * MIN, '15 min'], [60 * MIN, '1 h'], [6 * 60 * MIN, '6 h'], [24 * 60 * MIN, '24 h']];
/** The contract's bounds: 1 s to 7 days. */
const MIN_MS = 1000;
const MAX_MS = 7 * 24 * 60 * MIN;

/** "5 min", "90 s", "2 h": in the largest unit that divides it. */
export function everyText(ms: number): string {
  const preset = PRESETS.find(([v]) => v === ms);
  if (preset) return preset[1];
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % MIN === 0) return `${ms / MIN} min`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** "90" → 90 000 ms; "5m", "2h", "30s" too. null when it is no duration in range. */
export function parseEvery(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? 's').toLowerCase();
  const ms = Math.round(Number(m[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : MIN));
  return ms >= MIN_MS && ms <= MAX_MS ? ms : null;
}
