import type { Evidence, Explanation } from '../../../shared/explain';
import { CAUSES } from '../../../shared/explain';
import type { Palette } from './colors';
import { producerDetail, producerLabel } from '../../../shared/explain/named-by';

function causeTitle(id: Explanation['cause']): string {
  return CAUSES[id]?.title ?? id;
}

function evidenceLine(ev: Evidence, p: Palette): string {
  const where = ev.where === 'header' ? `header ${ev.name ?? ''}` : ev.where;
  return `${p.dim(where.trim() + ':')} ${JSON.stringify(ev.text.length > 160 ? `${ev.text.slice(0, 157)}...` : ev.text)}`;
}

/** One explanation as a terminal reads best: verdict line, evidence, reason, fix, other causes, checklist. */
export function formatExplanation(e: Explanation, p: Palette, label?: string): string {
  const lines: string[] = [];
  const head = label ? `${p.dim(label)} ` : '';
  if (!e.blocked) {
    const by = e.producer ? ` · answered by ${e.producer.name} (${e.producer.kind})` : '';
    lines.push(`${head}${p.green(`${e.status}`)} not a refusal${by}`);
    return lines.join('\n');
  }
  const by = e.producer ? `refused by ${p.bold(e.producer.name)} ${producerDetail(e.producer)}` : 'refused by an unidentified layer';
  lines.push(`${head}${p.inverseRed(` ${e.status} `)} ${by}: ${p.red(causeTitle(e.cause))} ${p.dim(`[${e.cause}, confidence ${e.confidence.toFixed(2)}]`)}`);
  if (e.relay) lines.push(`  ${p.dim('relayed by')} ${e.relay}`);
  for (const ev of e.evidence.slice(0, 6)) lines.push(`  ${p.bold('evidence')} ${evidenceLine(ev, p)}`);
  lines.push(`  ${p.bold('why:')} ${e.reason.text}`);
  lines.push(`  ${p.bold('fix:')} ${e.fix}`);
  if (e.alternatives.length) {
    lines.push(`  ${p.bold('also possible:')}`);
    for (const a of e.alternatives.slice(0, 3)) {
      lines.push(`    - ${causeTitle(a.cause)} ${p.dim(`[${a.cause}, ${a.confidence.toFixed(2)}]`)}: ${a.why}`);
      lines.push(`      ${p.dim('fix:')} ${a.fix}`);
    }
  }
  if (e.steps.length) {
    lines.push(`  ${p.bold('checklist:')}`);
    for (const item of e.steps) {
      lines.push(`    ${item.step}. ${p.bold(item.title)}: ${item.text}`);
      if (item.producerTip && e.producer) lines.push(`       ${p.dim(`${e.producer.name}:`)} ${item.producerTip}`);
    }
  }
  return lines.join('\n');
}

/** The one-line summary `clearance send` prints under a refused status line. */
export function explanationOneLiner(e: Explanation, p: Palette): string {
  const by = producerLabel(e.producer);
  return `${p.red(`✖ Refused by ${by}: ${causeTitle(e.cause)}`)} ${p.dim(`[${e.cause}, ${e.confidence.toFixed(2)}]`)}\n  ${p.bold('fix:')} ${e.fix}`;
}
