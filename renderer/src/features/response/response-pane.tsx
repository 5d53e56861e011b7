import './response.css';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Evidence, Explanation } from '../../../../shared/explain';
import type { ResponseRecord } from '../../../../shared/model';
import { Tabs, type TabItem } from '../../ui';
import { TimelinePanel } from '../timeline';
import { CookiesView, cookieCount } from './cookies-view';
import { RateLimitView, rateLimitOf } from './rate-limit-view';
import { mayBeRefusal } from '../../../../shared/explain/refusal';
import { isRefusal } from './refusal';
import { ExplainFailed, Explaining, RefusalAlert } from './refusal-alert';
import { ResponseBody, type BodyHighlight } from './response-body';
import { ResponseHeaders, type HeaderHighlight } from './response-headers';
import { useExchange } from './response.store';
import { SendErrorView } from './send-error-view';
import { SendingView } from './sending-view';
import { StatusLine } from './status-line';

type View = 'body' | 'headers' | 'cookies' | 'ratelimit' | 'timeline';

/** What the slot under the status line gets besides the record. */
export interface BelowStatusContext {
  explanation: Explanation;
  /** Show a piece of evidence: a header switches to Headers and highlights its row, body text to Body. */
  reveal(evidence: Evidence): void;
}

interface ResponsePaneProps {
  tabId: string;
  /**
   * Rendered directly under the status line: the explanation card goes here. When it renders
   * something, it owns the refusal announcement (the role="alert" band); when it returns null the
   * pane shows the plain refusal band for 401/403/407/429.
   */
  belowStatus?: (record: ResponseRecord, ctx: BelowStatusContext) => ReactNode;
}

type Highlight = { view: 'headers'; header: HeaderHighlight } | { view: 'body'; body: BodyHighlight };

/** `0/60` when a quota is known, `wait` for a bare Retry-After; red when used up or asked to wait. */
function limitBadge(info: NonNullable<ReturnType<typeof rateLimitOf>>): ReactNode {
  const q = info.quotas.find((x) => x.remaining !== null);
  const text = q ? (q.limit !== null ? `${q.remaining}/${q.limit}` : String(q.remaining)) : 'wait';
  const out = q?.remaining === 0 || info.retryAfterMs !== null;
  return out ? <span className="limit-out">{text}</span> : text;
}

function EmptyResponse() {
  return (
    <div className="response-empty">
      <p className="response-empty-title">No response yet</p>
      <p className="muted">Enter a URL and press <kbd>Send</kbd>.</p>
      <dl className="shortcut-list">
        <dt><kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>Enter</kbd></dt><dd>Send</dd>
        <dt><kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>L</kbd></dt><dd>Focus the URL</dd>
        <dt><kbd>Ctrl</kbd>/<kbd>⌘</kbd> <kbd>T</kbd></dt><dd>New tab</dd>
      </dl>
    </div>
  );
}

export function ResponsePane({ tabId, belowStatus }: ResponsePaneProps) {
  const ex = useExchange(tabId);
  const [view, setView] = useState<View>('body');
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const reveal = useCallback((e: Evidence) => {
    const nonce = Date.now();
    if (e.where === 'header' && e.name) {
      setHighlight({ view: 'headers', header: { name: e.name, text: e.text, nonce } });
      setView('headers');
    } else if (e.where === 'body') {
      setHighlight({ view: 'body', body: { text: e.text, nonce } });
      setView('body');
    }
  }, []);
  // A new response starts without a highlight.
  const current = ex.state === 'done' ? ex.record : null;
  useEffect(() => setHighlight(null), [current]);

  let content: ReactNode;
  if (ex.state === 'idle') content = <EmptyResponse />;
  else if (ex.state === 'sending') content = <SendingView tabId={tabId} startedAt={ex.startedAt} live={ex.live} />;
  else if (ex.state === 'failed') content = <div className="scroll-area"><SendErrorView error={ex.error} /></div>;
  else {
    const { record, explanation, explainError, receivedAt } = ex;
    const below = explanation ? belowStatus?.(record, { explanation, reveal }) ?? null : null;
    // Until the verdict is in, a refusal status keeps its band and anything that may be a refusal says it is being explained.
    const pending = !explanation && !explainError && mayBeRefusal(record.status, record.headers);
    const refused = isRefusal(record, explanation);
    const limits = rateLimitOf(record, receivedAt);
    const cookies = cookieCount(record);
    const items: TabItem<View>[] = [
      { key: 'body', label: 'Body' },
      { key: 'headers', label: 'Headers', badge: record.headers.length },
      { key: 'cookies', label: 'Cookies', badge: cookies || undefined },
      ...(limits ? [{ key: 'ratelimit' as const, label: 'Rate limit', badge: limitBadge(limits) }] : []),
      { key: 'timeline', label: 'Timeline' },
    ];
    const shownView: View = view === 'ratelimit' && !limits ? 'body' : view;
    content = (
      <>
        <StatusLine record={record} explanation={explanation ?? undefined} blocked={refused} />
        {below ?? (refused && <RefusalAlert record={record} />)}
        {pending && <Explaining />}
        {explainError && <ExplainFailed message={explainError} />}
        <Tabs<View> items={items} active={shownView} onChange={setView} label="Response">
          {shownView === 'body' && <ResponseBody key={tabId} tabId={tabId} record={record} pages={ex.pages}
            highlight={highlight?.view === 'body' ? highlight.body : null} />}
          {shownView === 'headers' && <ResponseHeaders record={record} highlight={highlight?.view === 'headers' ? highlight.header : null} />}
          {shownView === 'cookies' && <CookiesView record={record} receivedAt={receivedAt} />}
          {shownView === 'ratelimit' && limits && <RateLimitView info={limits} receivedAt={receivedAt} />}
          {shownView === 'timeline' && <TimelinePanel record={record} />}
        </Tabs>
      </>
    );
  }
  return (
    <section className="response-pane" aria-label="Response" aria-busy={ex.state === 'sending'}>
      {content}
    </section>
  );
}
