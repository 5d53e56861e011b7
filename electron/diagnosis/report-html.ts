// The report as one self-contained HTML file: inline style, no script, no link, no image, and a
// Content-Security-Policy that forbids fetching anything, so opening it contacts no one. Every
// string is escaped: a block page's markup shows as text.
import type { Block, ReportModel } from './report';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STATE_CLASS: Record<string, string> = { pass: 'pass', FAIL: 'fail', unknown: 'unknown', 'to do': 'todo' };

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.3rem;word-break:break-all}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.sub{color:#57606a;margin-top:-.5rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top;word-break:break-word}th{background:#f6f8fa}
pre{background:#f6f8fa;border:1px solid #d0d7de;padding:.7rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.unknown{color:#9a6700}.todo{color:#57606a}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th,pre{background:#161b22}th,td,pre{border-color:#30363d}}
`;

function cell(text: string, head: string): string {
  const cls = head === 'State' ? STATE_CLASS[text] : undefined;
  return `<td${cls ? ` class="${cls}"` : ''}>${esc(text)}</td>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'p': return `<p>${esc(b.text)}</p>`;
    case 'list': return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = b.head.some(Boolean) ? `<thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>` : '';
      return `<table>${head}<tbody>${b.rows.map((r) => `<tr>${r.map((c, i) => cell(c, b.head[i] ?? '')).join('')}</tr>`).join('')}</tbody></table>`;
    }
    case 'code': return `<pre><code>${esc(b.text)}</code></pre>`;
  }
}

export function renderHtml(m: ReportModel): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(m.title)}</h1>
<p class="sub">${esc(m.subtitle)}</p>
${m.sections.map((s) => `<section>\n<h2>${esc(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`).join('\n')}
</body>
</html>
`;
}
