// The heat map as one self-contained HTML file: inline style, no script, no link or image, and a
// Content-Security-Policy that fetches nothing. Every string is escaped (a request name, a profile
// name or an explainer's sentence can hold markup); a cell's details sit in its title attribute.
import type { Comparison, Matrix, MatrixCell } from '../../shared/contract/matrix';
import { markup as esc } from '../runner/reporters/escape';
import { cellText, driftedCells, driftLine, producerLabel, refusalLabel, refusalTags, TONE_LEGEND, toneOf } from './labels';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.2rem}table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;white-space:nowrap}
th{background:#f6f8fa;font-weight:600}td.c{text-align:center;font-variant-numeric:tabular-nums}.path{color:#57606a;font-size:.85em}
.ok{background:#dafbe1}.redirect{background:#ddf4ff}.refused{background:#cf222e;color:#fff;font-weight:600}.client{background:#fff8c5}
.server{background:#fbefff}.error{background:#ffebe9;color:#82071e}.skipped{color:#8c959f}.info{background:#eaeef2}
.drift{outline:3px solid #1b1f24;outline-offset:-3px}ul{padding-left:1.2rem}.legend span{display:inline-block;padding:0 .4rem;margin-right:.3rem}
`;

function detail(cell: MatrixCell): string {
  if (cell.refusal) return `${refusalLabel(cell.refusal)}. ${cell.refusal.reason}`;
  if (cell.error) return `${cell.error.code}: ${cell.error.message}`;
  if (cell.skipped) return `not sent: ${cell.skipped}`;
  return `${cell.status} in ${Math.round(cell.timeMs)} ms`;
}

export function renderMatrixHtml(matrix: Matrix, comparison: Comparison | null): string {
  const tags = refusalTags(matrix);
  const drifted = driftedCells(matrix, comparison);
  const head = `<tr><th>request</th>${matrix.columns.map((c) => `<th>${esc(c.id)}</th>`).join('')}</tr>`;
  const body = matrix.rows.map((row, r) => {
    const cells = matrix.cells[r]!.map((cell, c) => {
      const drift = drifted.has(`${r}:${c}`);
      return `<td class="c ${toneOf(cell)}${drift ? ' drift' : ''}" title="${esc(detail(cell))}">${esc(cellText(cell, tags, drift))}</td>`;
    }).join('');
    return `<tr><th>${esc(row.method)} ${esc(row.name)}<br><span class="path">${esc(row.path)}</span></th>${cells}</tr>`;
  }).join('\n');
  const refusals = [...tags.values()].map(({ tag, refusal }) => `<li>[${tag}] refused by ${esc(producerLabel(refusal.producer))}: ${esc(refusal.cause)} — ${esc(refusal.reason)}</li>`).join('');
  const legend = TONE_LEGEND.map(([tone, text]) => `<span class="${tone}">${esc(text)}</span>`).join('') + (comparison ? '<span class="drift">! differs from the expectation</span>' : '');
  const drift = comparison
    ? `<h2>Expected access (${esc(comparison.file)})</h2>${comparison.drift.length ? `<p>${comparison.drift.length} of ${comparison.checked} cells differ:</p><ul>${comparison.drift.map((d) => `<li>${esc(driftLine(d))}</li>`).join('')}</ul>` : `<p>All ${comparison.checked} cells as expected.</p>`}`
    : '';
  const title = `${matrix.collection}: access matrix`;
  const csp = "default-src 'none'; style-src 'unsafe-inline'";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head>
<body>
<h1>${esc(title)}</h1>
<p>${matrix.rows.length} requests × ${matrix.columns.length} columns${matrix.env ? `, environment ${esc(matrix.env)}` : ''}, run ${esc(matrix.startedAt)}${matrix.stopped ? ' (stopped before the end)' : ''}</p>
<table>
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
<p class="legend">${legend}</p>
${refusals ? `<ul>${refusals}</ul>` : ''}
${drift}
</body>
</html>
`;
}
