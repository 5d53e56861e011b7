// `clearance diagnose` for a person: notes as an expert would write them — what was refused and by
// whom, each probe with its outcome and what it proved, the fix (a curl that runs as printed) or
// whom to ask, and the checklist.
import { CAUSES } from '../../../shared/explain/causes';
import type { Diagnosis } from '../../diagnosis/types';
import type { Palette } from './colors';
import { producerLabel } from '../../../shared/explain/named-by';

const STATE: Record<string, string> = { pass: 'pass', fail: 'FAIL', unknown: '  ? ', manual: 'todo' };

function causeName(id: string): string {
  return (CAUSES as Record<string, { title?: string } | undefined>)[id]?.title ?? id;
}

export function formatDiagnosis(d: Diagnosis, p: Palette): string {
  const out: string[] = [];
  const e = d.explanation;
  const status = `${d.baseline.status}`;
  out.push(`${p.bold(`${d.baseline.method} ${d.baseline.url}`)} → ${d.baseline.status >= 400 ? p.red(status) : p.green(status)}`);
  if (d.stopped === 'not-refused') return [...out, d.conclusion].join('\n');
  out.push(`Refused by ${e.producer ? p.bold(producerLabel(e.producer)) : producerLabel(null)}: ${causeName(e.cause)} (${Math.round(e.confidence * 100)} %)`);
  out.push(p.dim(e.reason.text));
  out.push('', p.bold(`Probes (${d.budget.used} of at most ${d.budget.max})`));
  for (const r of d.probes) {
    const mark = r.flipped ? p.green('✓') : r.status === null ? p.yellow('!') : p.red('✗');
    const st = r.status === null ? 'n/a' : String(r.status);
    out.push(`  ${mark} ${st.padEnd(3)}  ${r.change}`);
    if (r.proved) out.push(p.dim(`         ${r.proved}`));
  }
  out.push('', p.bold('Conclusion'), `  ${d.conclusion}`);
  if (d.cause !== e.cause) out.push(`  Cause after probing: ${causeName(d.cause)} (the response alone suggested ${causeName(e.cause)})`);
  if (d.fix) {
    out.push('', p.bold(`Fix: ${d.fix.change} → ${d.fix.status}`), d.fix.curl.split('\n').map((l) => `  ${l}`).join('\n'));
  } else if (d.ask) {
    out.push('', p.bold('Whom to ask'), `  ${d.ask}`);
  }
  out.push('', p.bold('Checklist'));
  d.checklist.forEach((c, i) => {
    out.push(`  ${i + 1}. [${STATE[c.state] ?? c.state}] ${c.title}: ${c.evidence}`);
    if (c.producerTip) out.push(p.dim(`     ${e.producer?.name ?? ''}: ${c.producerTip}`));
  });
  return out.join('\n');
}
