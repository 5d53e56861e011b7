import { useState } from 'react';
import { Button } from '../../ui';
import { useCompareStore, type ReportFormat } from './compare.store';

const FILE: Record<ReportFormat, { ext: string; type: string }> = {
  markdown: { ext: 'md', type: 'text/markdown' },
  html: { ext: 'html', type: 'text/html' },
};

/** Hands the text to the browser as a file download (the Electron window asks where to save it). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Export report: the diagnosis (and the comparison) as Markdown or one HTML file, secrets redacted by the backend. */
export function ReportExport({ tabId }: { tabId: string }) {
  const report = useCompareStore((s) => s.report);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const save = async (format: ReportFormat) => {
    setState({ busy: true, error: null });
    const out = await report(tabId, format);
    if ('error' in out) return setState({ busy: false, error: `No report: ${out.error}` });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    download(`clearance-report-${stamp}.${FILE[format].ext}`, out.text, FILE[format].type);
    setState({ busy: false, error: null });
  };
  return (
    <div className="report-export" role="group" aria-label="Export report">
      <span className="explain-label">Export report</span>
      <Button size="sm" onClick={() => void save('markdown')} disabled={state.busy}>Markdown</Button>
      <Button size="sm" onClick={() => void save('html')} disabled={state.busy}>HTML</Button>
      {state.error && <span className="diag-tick-error" role="alert">{state.error}</span>}
    </div>
  );
}
