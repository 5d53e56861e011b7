import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { ResponseRecord } from '../../../../shared/model';
import { findText } from '../../lib/find-text';
import { formatBytes, isJsonType, prettyJson } from '../../lib/format';
import { Button } from '../../ui';
import { previewHex, type BodyPages } from './body-pages';
import { BodySearchBar, useBodySearch } from './body-search';
import { useResponseStore } from './response.store';
import { TextViewer } from './viewer/text-viewer';

type Mode = 'pretty' | 'raw' | 'preview';
type Lang = 'json' | 'html' | 'xml' | 'text';

/** Body text to highlight and scroll to (evidence chosen in the explanation card). */
export interface BodyHighlight {
  text: string;
  nonce: number;
}

/** Pretty-printing parses the whole body on the main thread: above this it stays raw. */
const PRETTY_MAX = 2 * 1024 * 1024;
/** readBody's largest page: searching a body on disk reads the rest in few calls. */
const SEARCH_PAGE = 4 * 1024 * 1024;

function languageFor(contentType: string | null, text: string): Lang {
  if (isJsonType(contentType)) return 'json';
  if (contentType?.includes('html')) return 'html';
  if (contentType?.includes('xml')) return 'xml';
  const t = text.trimStart();
  if ((t.startsWith('{') || t.startsWith('[')) && text.length <= PRETTY_MAX && prettyJson(t) !== t) return 'json';
  return 'text';
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

/** An HTML body rendered with scripts, forms and plugins off (sandbox without permissions). */
function HtmlPreview({ html }: { html: string }) {
  return <iframe className="html-preview" title="Preview of the response" sandbox="" srcDoc={html} referrerPolicy="no-referrer" />;
}

interface ResponseBodyProps {
  tabId: string;
  record: ResponseRecord;
  pages: BodyPages | null;
  highlight?: BodyHighlight | null;
}

/** The text of the body so far: inline, or the pages read from its file. */
function bodyText(record: ResponseRecord, pages: BodyPages | null): string {
  if (record.body.kind === 'inline') return record.body.data;
  return pages ? pages.text : record.body.preview;
}

export function ResponseBody({ tabId, record, pages, highlight = null }: ResponseBodyProps) {
  const body = record.body;
  if (body.encoding === 'base64') return <BinaryBody record={record} b64={body.kind === 'inline' ? body.data : body.preview} />;
  return <TextBody tabId={tabId} record={record} pages={pages} highlight={highlight} />;
}

function TextBody({ tabId, record, pages, highlight }: Required<ResponseBodyProps>) {
  const loadMore = useResponseStore((s) => s.loadMore);
  const [mode, setMode] = useState<Mode>('pretty');
  const text = bodyText(record, pages);
  // a run that read no more than the preview kept only it (ResponseBody 'preview')
  const cut = record.body.kind === 'preview';
  const complete = !cut && (!pages || pages.eof);
  const lang = useMemo(() => languageFor(record.contentType, complete ? text : text.slice(0, 4096)), [record.contentType, text, complete]);
  const canPretty = lang === 'json' && complete && text.length <= PRETTY_MAX;
  const canPreview = lang === 'html';
  const view: Mode = mode === 'preview' && !canPreview ? 'pretty' : mode;
  const shown = useMemo(() => (view === 'pretty' && canPretty ? prettyJson(text) : text), [view, canPretty, text]);
  const search = useBodySearch(shown);
  const span = useMemo(() => (highlight ? findText(shown, highlight.text) : null), [highlight, shown]);
  const total = pages?.total ?? record.size.bodyDecoded;
  const searching = search.open && search.query !== '';

  // A search reads the rest of a body on disk, page by page (each page moves the offset: bounded).
  useEffect(() => {
    if (searching && pages && !pages.eof && !pages.loading && !pages.error) void loadMore(tabId, SEARCH_PAGE);
  }, [searching, pages, loadMore, tabId]);
  // Evidence shows in the text view: leave the HTML preview for it.
  useEffect(() => {
    if (highlight) setMode((m) => (m === 'preview' ? 'pretty' : m));
  }, [highlight]);

  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      search.setOpen(true);
    }
  };
  if (text.length === 0 && complete) return <p className="empty-note">The response has no body.</p>;
  const partial = pages && !pages.eof ? `searching ${formatBytes(pages.offset)} of ${formatBytes(total)}` : null;
  return (
    <div className="response-body" onKeyDown={onKey}>
      <div className="body-toolbar">
        <div className="segmented" role="group" aria-label="Body view">
          <button type="button" aria-pressed={view === 'pretty'} onClick={() => setMode('pretty')}
            title={lang === 'json' && !canPretty ? `Pretty-printing is for JSON bodies up to ${formatBytes(PRETTY_MAX)} read in full` : undefined}>Pretty</button>
          <button type="button" aria-pressed={view === 'raw'} onClick={() => setMode('raw')}>Raw</button>
          <button type="button" aria-pressed={view === 'preview'} onClick={() => setMode('preview')} disabled={!canPreview}
            title={canPreview ? 'Render the HTML (scripts off)' : 'Preview renders HTML bodies'}>Preview</button>
        </div>
        <span className="muted body-lang">{lang === 'text' ? 'text' : lang.toUpperCase()}</span>
        {pages && (
          <span className="body-note-inline" role="status">
            Large body ({formatBytes(total)}), kept on disk{pages.eof ? '' : `: ${formatBytes(pages.offset)} read, the rest as you scroll or search`}.
          </span>
        )}
        {cut && <span className="body-note-inline" role="status">Large body ({formatBytes(total)}): only its first {formatBytes(text.length)} were kept.</span>}
        {pages?.error && <span className="inline-error" role="alert">{pages.error}</span>}
        {pages && !pages.eof && <Button size="sm" onClick={() => void loadMore(tabId, SEARCH_PAGE)} disabled={pages.loading}>
          {pages.loading ? 'Loading…' : 'Load more'}</Button>}
        <Button size="sm" variant="ghost" aria-pressed={search.open} onClick={() => search.setOpen(!search.open)} title="Find in body (Ctrl/⌘+F)">Find</Button>
        <Button size="sm" variant="ghost" onClick={() => void navigator.clipboard?.writeText(text)}>Copy</Button>
      </div>
      <BodySearchBar search={search} partial={searching ? partial : null} />
      {view === 'preview' ? <HtmlPreview html={text} /> : (
        <div className="body-view" data-testid="code-viewer">
          <TextViewer text={shown} json={lang === 'json'} foldable={view === 'pretty' && canPretty} label="Response body" search={search.viewer}
            highlight={span && highlight ? { ...span, nonce: highlight.nonce } : null}
            onNearEnd={pages && !pages.eof && !pages.loading ? () => void loadMore(tabId) : undefined} />
        </div>
      )}
      {highlight && !span && (
        <p className="body-note" role="status">The evidence text is not in the part of the body shown here.</p>
      )}
    </div>
  );
}
