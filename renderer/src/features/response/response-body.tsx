import { useEffect, useRef, useState } from 'react';
import type { ResponseRecord } from '../../../../shared/model';
import { centerInScroller, findText, type TextSpan } from '../../lib/find-text';
import { formatBytes, isJsonType, prettyJson } from '../../lib/format';
import { Button, CodeEditor } from '../../ui';
import { previewHex, type BodyPages } from './body-pages';
import { useResponseStore } from './response.store';

type Mode = 'pretty' | 'raw';

/** Body text to highlight and scroll to (evidence chosen in the explanation card). */
export interface BodyHighlight {
  text: string;
  nonce: number;
}

/** Plain text with one span wrapped in <mark>, scrolled into view when the nonce changes. */
function MarkedText({ text, span, nonce }: { text: string; span: TextSpan | null; nonce: number }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    centerInScroller(ref.current);
  }, [span, nonce]);
  if (!span) return <>{text}</>;
  return (
    <>
      {text.slice(0, span.start)}
      <mark ref={ref} className="text-highlight" data-testid="body-highlight">{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end)}
    </>
  );
}

function languageFor(contentType: string | null, text: string): 'json' | 'html' | 'xml' | 'plaintext' {
  if (isJsonType(contentType)) return 'json';
  if (contentType?.includes('html')) return 'html';
  if (contentType?.includes('xml')) return 'xml';
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return prettyJson(t) !== t || t === '{}' || t === '[]' ? 'json' : 'plaintext';
  return 'plaintext';
}

function BinaryBody({ record, b64 }: { record: ResponseRecord; b64: string }) {
  const ct = record.contentType ?? 'application/octet-stream';
  if (/^image\/(png|jpe?g|gif|webp|svg\+xml|x-icon|bmp)/i.test(ct) && record.body.kind === 'inline') {
    return <div className="image-body"><img src={`data:${ct};base64,${b64}`} alt="Response body" /></div>;
  }
  return (
    <div className="scroll-area">
      <p className="body-note">Binary body ({ct}, {formatBytes(record.size.bodyDecoded)}). First bytes:</p>
      <pre className="raw-body mono">{previewHex(b64)}</pre>
    </div>
  );
}

function PagedBody({ tabId, record, pages, highlight }: { tabId: string; record: ResponseRecord; pages: BodyPages; highlight: BodyHighlight | null }) {
  const loadMore = useResponseStore((s) => s.loadMore);
  const span = highlight ? findText(pages.text, highlight.text) : null;
  const total = pages.total ?? record.size.bodyDecoded;
  return (
    <div className="response-body">
      <div className="body-toolbar paged-toolbar">
        <span className="body-note-inline" role="status">
          Large body ({formatBytes(total)}), kept on disk. Showing {formatBytes(pages.offset)} of {formatBytes(total)}.
        </span>
        {pages.error && <span className="inline-error" role="alert">{pages.error}</span>}
        {!pages.eof ? (
          <Button size="sm" onClick={() => void loadMore(tabId)} disabled={pages.loading}>
            {pages.loading ? 'Loading…' : 'Load more'}
          </Button>
        ) : (
          <span className="muted">End of body</span>
        )}
      </div>
      <div className="scroll-area">
        <pre className="raw-body mono" aria-label="Response body"><MarkedText text={pages.text} span={span} nonce={highlight?.nonce ?? 0} /></pre>
      </div>
    </div>
  );
}

interface ResponseBodyProps {
  tabId: string;
  record: ResponseRecord;
  pages: BodyPages | null;
  highlight?: BodyHighlight | null;
}

export function ResponseBody({ tabId, record, pages, highlight = null }: ResponseBodyProps) {
  const [mode, setMode] = useState<Mode>('pretty');
  const body = record.body;
  if (body.kind === 'file') {
    if (body.encoding === 'base64') return <BinaryBody record={record} b64={body.preview} />;
    if (pages) return <PagedBody tabId={tabId} record={record} pages={pages} highlight={highlight} />;
  }
  if (body.kind === 'inline' && body.encoding === 'base64') return <BinaryBody record={record} b64={body.data} />;
  const text = body.kind === 'inline' ? body.data : body.preview;
  if (text.length === 0) return <p className="empty-note">The response has no body.</p>;
  const lang = languageFor(record.contentType, text);
  const shown = lang === 'json' ? prettyJson(text) : text;
  const shownSpan = highlight ? findText(shown, highlight.text) : null;
  const rawSpan = highlight ? findText(text, highlight.text) : null;
  return (
    <div className="response-body">
      <div className="body-toolbar">
        <div className="segmented" role="group" aria-label="Body view">
          <button type="button" aria-pressed={mode === 'pretty'} onClick={() => setMode('pretty')}>Pretty</button>
          <button type="button" aria-pressed={mode === 'raw'} onClick={() => setMode('raw')}>Raw</button>
        </div>
        <span className="muted body-lang">{lang === 'plaintext' ? 'text' : lang.toUpperCase()}</span>
        <Button size="sm" variant="ghost" onClick={() => void navigator.clipboard?.writeText(text)}>Copy</Button>
      </div>
      {mode === 'pretty' ? (
        <CodeEditor value={shown} language={lang} readOnly label="Response body"
          highlight={shownSpan && highlight ? { ...shownSpan, nonce: highlight.nonce } : null} />
      ) : (
        <div className="scroll-area">
          <pre className="raw-body mono" aria-label="Response body"><MarkedText text={text} span={rawSpan} nonce={highlight?.nonce ?? 0} /></pre>
        </div>
      )}
      {highlight && !(mode === 'pretty' ? shownSpan : rawSpan) && (
        <p className="body-note" role="status">The evidence text is not in the part of the body shown here.</p>
      )}
    </div>
  );
}
