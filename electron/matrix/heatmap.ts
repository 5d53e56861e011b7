// The terminal heat map: rows are requests, columns "key @ gateway", each cell its status coloured
// by class (NO_COLOR: the text alone still says it), refusals tagged [n] and explained in a legend,
// then the drift from access.yaml when there is a file to compare with.
import type { Comparison, Matrix } from '../../shared/contract/matrix';
import type { Palette, Paint } from '../cli/output/colors';
import { cellText, driftedCells, driftLine, producerLabel, refusalTags, TONE_LEGEND, toneOf, type Tone } from './labels';

const LABEL_MAX = 44;

function paintFor(p: Palette): Record<Tone, Paint> {
  return { ok: p.green, redirect: p.cyan, refused: p.inverseRed, client: p.yellow, server: p.magenta, error: p.red, skipped: p.dim, info: p.blue };
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function renderHeatmap(matrix: Matrix, comparison: Comparison | null, p: Palette): string {
  const paint = paintFor(p);
  const tags = refusalTags(matrix);
  const drifted = driftedCells(matrix, comparison);
  const labels = matrix.rows.map((r) => clip(`${(r.method || '?').padEnd(7)}${r.name}`, LABEL_MAX));
  const labelWidth = Math.max(8, ...labels.map((l) => l.length));
  const texts = matrix.cells.map((row, r) => row.map((cell, c) => cellText(cell, tags, drifted.has(`${r}:${c}`))));
  const widths = matrix.columns.map((col, c) => Math.max(col.id.length, ...texts.map((row) => row[c]!.length)));
  const lines: string[] = [];
  const env = matrix.env ? `, env ${matrix.env}` : '';
  lines.push(p.bold(`${matrix.collection}: access matrix, ${matrix.rows.length} requests × ${matrix.columns.length} columns${env}`), '');
  lines.push(`${' '.repeat(labelWidth)}  ${matrix.columns.map((col, c) => p.bold(col.id.padEnd(widths[c]!))).join('  ')}`);
  matrix.cells.forEach((row, r) => {
    const cells = row.map((cell, c) => {
      const text = texts[r]![c]!;
      const painted = drifted.has(`${r}:${c}`) ? p.inverseRed(text) : paint[toneOf(cell)](text);
      return painted + ' '.repeat(widths[c]! - text.length);
    });
    lines.push(`${labels[r]!.padEnd(labelWidth)}  ${cells.join('  ')}`);
  });
  lines.push('');
  for (const { tag, refusal } of tags.values()) {
    const by = producerLabel(refusal.producer);
    lines.push(`[${tag}] ${p.red(`refused by ${by}: ${refusal.cause}`)} ${p.dim(`— ${refusal.reason}`)}`);
  }
  const legend = TONE_LEGEND.map(([tone, text]) => paint[tone](text));
  lines.push(`${p.dim('legend:')} ${legend.join(p.dim(' · '))}${comparison ? `${p.dim(' · ')}${p.inverseRed('!')} differs from the expectation` : ''}`);
  if (matrix.stopped) lines.push(p.yellow('stopped: the cells not run are marked skip'));
  if (comparison) lines.push('', ...comparisonLines(comparison, p));
  // Padding of the last column is no content: no line ends in spaces.
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

export function comparisonLines(c: Comparison, p: Palette): string[] {
  const stale = c.stale.length ? p.dim(` (${c.stale.length} request${c.stale.length === 1 ? '' : 's'} of the file not in this target: ${c.stale.slice(0, 5).join(', ')}${c.stale.length > 5 ? ', …' : ''})`) : '';
  if (!c.drift.length) return [`${p.green('✓')} ${c.checked} cells as ${c.file} expects${stale}`];
  return [`${p.red('✗')} ${c.drift.length} of ${c.checked} cells differ from ${c.file}:${stale}`, ...c.drift.map((d) => `  ${p.red('!')} ${driftLine(d)}`)];
}
