// report.html: the run as one self-contained file a CI can publish. Inline style, no script, no link
// or image, and a Content-Security-Policy that fetches nothing; every string is escaped (a request
// name, a URL or an explainer's sentence can hold markup). A refusal's badge reads REFUSED with its
// cause, in a colour no other status uses, so it never passes for a plain 4xx.
import { isRefusal } from '../../../shared/explain/refusal';
import { producerLabel } from '../../../shared/explain/named-by';
import type { Reporter, RunReport, RunResult } from '../types';
import { fileReporter } from './file';
import { markup as esc } from './escape';
import { ms, summaryRows } from './summary';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.25rem;margin:0 0 .25rem}h2{font-size:1.05rem;margin:1.5rem 0 .5rem}.meta{color:#57606a}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.url{color:#57606a;font-size:.85em;word-break:break-all}
.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-weight:600;white-space:nowrap;font-variant-numeric:tabular-nums}
.s2{background:#dafbe1;color:#116329}.s3{background:#ddf4ff;color:#0a3069}.s4{background:#fff1c2;color:#7d4e00}
.s5{background:#fbefff;color:#6e1a8f}.err{background:#eaeef2;color:#24292f}
.refused{background:#a40e26;color:#fff;letter-spacing:.02em}.refused small{font-weight:400;opacity:.9}
.pass{color:#116329;font-weight:600}.fail{color:#a40e26;font-weight:600}li.pass{font-weight:400}.wait{color:#7d4e00}
tr.failed td:first-child{box-shadow:inset 4px 0 #a40e26}ul{margin:.25rem 0;padding-left:1.2rem}
.fix{background:#f6f8fa;padding:.25rem .5rem;border-left:3px solid #a40e26}
`;

function badge(r: RunResult): string {
  if (r.status === null) return `<span class="badge err">no response</span>`;
  if (r.explanation && isRefusal(r, r.explanation)) {
    return `<span class="badge refused">${r.status} REFUSED <small>${esc(r.explanation.cause)}</small></span>`;
  }
  const family = Math.floor(r.status / 100);
  return `<span class="badge s${family >= 2 && family <= 5 ? family : 5}">${r.status}</span>`;
}

function details(r: RunResult): string {
  const items: string[] = [];
  if (r.error) items.push(`<li class="fail">${esc(`${r.error.code}: ${r.error.message}`)}</li>`);
  const e = r.explanation && isRefusal(r, r.explanation) ? r.explanation : undefined;
  if (e) {
    const by = producerLabel(e.producer);
    items.push(`<li>refused by <b>${esc(by)}</b>: ${esc(e.cause)} — ${esc(e.reason.text)}<div class="fix">fix: ${esc(e.fix)}</div></li>`);
  }
  for (const a of r.assertions ?? []) {
    items.push(`<li class="${a.passed ? 'pass' : 'fail'}">${a.passed ? '✓' : '✗'} ${esc(a.name)}: expected ${esc(a.expected)}, got ${esc(a.actual)}</li>`);
  }
  for (const t of r.tests ?? []) items.push(`<li class="${t.passed ? 'pass' : 'fail'}">${t.passed ? '✓' : '✗'} test ${esc(t.name)}${t.error ? `: ${esc(t.error)}` : ''}</li>`);
  if (r.unsupported?.length) items.push(`<li class="wait">unsupported (not run): ${esc(r.unsupported.join(', '))}</li>`);
  if (r.pacedMs !== undefined) items.push(`<li class="wait">waited ${esc(ms(r.pacedMs))} as the server asked: ${esc(r.pacedWhy ?? '')}</li>`);
  if (r.retried) items.push(`<li class="wait">sent again after a ${r.retried.status}</li>`);
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

function row(r: RunResult, many: boolean): string {
  const verdict = r.passed ? '<span class="pass">passed</span>' : `<span class="fail">failed</span>${r.reason ? `<br>${esc(r.reason)}` : ''}`;
  return `<tr class="${r.passed ? 'passed' : 'failed'}"><td class="n">${r.index}</td>${many ? `<td class="n">${r.iteration ?? ''}</td>` : ''}`
    + `<td>${badge(r)}</td><td>${esc(r.method)}</td><td><b>${esc(r.name)}</b><br><span class="url">${esc(r.url)}</span>${details(r)}</td>`
    + `<td class="n">${esc(ms(r.timeMs))}</td><td>${verdict}</td></tr>`;
}

export function renderRunHtml(report: RunReport): string {
  const s = report.summary;
  const many = s.iterations > 1;
  const table = summaryRows(s).map(([label, total, passed, failed]) =>
    `<tr><th>${label}</th><td class="n">${total}</td><td class="n">${passed}</td><td class="n${failed ? ' fail' : ''}">${failed}</td></tr>`).join('');
  const notes = [
    ...(s.skipped ? [`${s.skipped} not run (--bail)`] : []),
    ...(many ? [`${s.iterations} iterations`] : []),
    ...(s.paced.requests ? [`paced by the servers: ${s.paced.requests} request(s) waited ${ms(s.paced.totalMs)}${s.retried ? `, ${s.retried} sent again after a 429` : ''}`] : []),
  ];
  const refused = report.results.filter((r) => r.explanation && isRefusal(r, r.explanation));
  const refusals = refused.length ? `<h2>Refusals</h2><ul>${refused.map((r) => {
    const e = r.explanation!;
    return `<li>${badge(r)} <b>${esc(r.name)}</b>${r.iteration !== undefined ? ` #${r.iteration}` : ''}${e.producer ? ` by ${esc(e.producer.name)}` : ''}: ${esc(e.reason.text)}</li>`;
  }).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.collection)} — clearance run</title><style>${CSS}</style></head><body>
<h1>${esc(report.collection)}: <span class="${s.failed ? 'fail' : 'pass'}">${s.passed} passed, ${s.failed} failed</span></h1>
<p class="meta">${esc(report.format)} · ${esc(report.target)}${report.env ? ` · environment ${esc(report.env)}` : ''} · started ${esc(report.startedAt)} · ${esc(ms(s.durationMs))}</p>
<table><tr><th></th><th>total</th><th>passed</th><th>failed</th></tr>${table}</table>
${notes.length ? `<p>${notes.map(esc).join(' · ')}</p>` : ''}${refusals}
<h2>Requests</h2>
<table><tr><th>#</th>${many ? '<th>iteration</th>' : ''}<th>status</th><th>method</th><th>request</th><th>time</th><th>result</th></tr>
${report.results.map((r) => row(r, many)).join('\n')}
</table>
</body></html>
`;
}

export function htmlReporter(outDir: string): Reporter & { file: string } {
  return fileReporter(outDir, 'report.html', renderRunHtml);
}
