// `clearance diagnose --compare` for a person: the working request, each difference with both
// values (the ones the bisection found needed marked), the smallest set and its fix as a curl.
import type { Comparison } from '../../diagnosis/bisect';
import type { Difference } from '../../diagnosis/compare';
import type { Palette } from './colors';

function what(d: Difference): string {
  return d.name ? `${d.kind} ${d.name}` : d.kind;
}

const shown = (v: string | null): string => (v === null ? '(not sent)' : v.replace(/\s+/g, ' '));

export function formatComparison(c: Comparison, p: Palette): string {
  const out: string[] = [];
  const from = c.working.from === 'har' ? `HAR entry ${c.working.entry}` : c.working.from === 'history' ? 'history' : 'curl';
  out.push(p.bold(`Compared with a request that works (${from})`), `  ${c.working.method} ${c.working.url}${c.working.status !== null && c.working.status !== undefined ? ` → ${c.working.status}` : ''}`);
  for (const n of c.working.notes) out.push(p.yellow(`  note: ${n}`));
  if (c.reason) out.push(p.yellow(`  ${c.reason}`));
  out.push('', p.bold(`Differences (${c.differences.length})`));
  const width = Math.min(34, Math.max(8, ...c.differences.map((d) => what(d).length)));
  for (const d of c.differences) {
    const needed = c.minimal?.includes(d.id);
    const mark = needed ? p.green('✓') : d.applicable ? ' ' : p.dim('-');
    out.push(`  ${mark} ${what(d).padEnd(width)}  yours: ${shown(d.user)}`);
    out.push(`    ${' '.repeat(width)}  works: ${shown(d.working)}`);
    const notes = [d.unknown ? 'unknown: redacted where it was recorded' : '', !d.applicable && d.why && !d.unknown ? `not sent: ${d.why}` : '', d.note ?? ''].filter(Boolean);
    if (notes.length) out.push(p.dim(`    ${' '.repeat(width)}  ${notes.join('; ')}`));
  }
  if (c.probes.length) {
    out.push('', p.bold(`Bisection (${c.budget.used} of at most ${c.budget.max} sends)`));
    for (const r of c.probes) out.push(`  ${r.flipped ? p.green('✓') : r.status === null ? p.yellow('!') : p.red('✗')} ${String(r.status ?? 'n/a').padEnd(3)}  ${r.change}`);
  }
  out.push('', `  ${c.conclusion}`);
  if (c.fix) out.push('', p.bold(`Fix from the comparison: ${c.fix.change} → ${c.fix.status}`), c.fix.curl.split('\n').map((l) => `  ${l}`).join('\n'));
  return out.join('\n');
}
