// A change in words, for the terminal and the notify summary: "2xx (200) → refused 403", with the
// explanation of a new refusal on the line below.
import type { WatchChange, WatchState } from '../../shared/contract/watch';
import type { Palette } from '../cli/output/colors';

export function stateText(s: WatchState | null): string {
  if (!s) return 'absent';
  if (s.refused) return `refused ${s.status ?? ''}`.trim();
  if (s.statusClass === 'error') return 'error';
  return `${s.statusClass} (${s.status})`;
}

export function changeLines(c: WatchChange, at: string, p: Palette): string {
  const where = `${p.bold(`${c.method} ${c.name}`)}${c.column ? ` [${c.column}]` : ''} ${p.dim(c.path)}`;
  const after = c.after?.refused ? p.red(stateText(c.after)) : c.after?.statusClass === '2xx' ? p.green(stateText(c.after)) : p.yellow(stateText(c.after));
  const lines = [`${p.dim(at)} ${where}: ${stateText(c.before)} → ${after}`];
  if (c.refusal) {
    const by = c.refusal.producer ? `${c.refusal.producer.name} (${c.refusal.producer.kind})` : 'an unidentified layer';
    lines.push(`    ${p.red(`↳ refused by ${by}: ${c.refusal.cause}`)} ${p.dim(`— ${c.refusal.reason}`)}`);
  }
  if (c.error) lines.push(`    ${p.red(`↳ ${c.error.code}: ${c.error.message}`)}`);
  return lines.join('\n');
}
