import './response.css';
import { useState, type ReactNode } from 'react';
import type { ResponseRecord } from '../../../../shared/model';
import { Tabs, type TabItem } from '../../ui';
import { TimelinePanel } from '../timeline';
import { REFUSAL_STATUSES } from './refusal';
import { RefusalAlert } from './refusal-alert';
import { ResponseBody } from './response-body';
import { ResponseHeaders } from './response-headers';
import { useExchange } from './response.store';
import { SendErrorView } from './send-error-view';
import { SendingView } from './sending-view';
import { StatusLine } from './status-line';

type View = 'body' | 'headers' | 'timeline';

interface ResponsePaneProps {
  tabId: string;
  /** Rendered directly under the status line (and the refusal alert): the explanation card goes here. */
  belowStatus?: (record: ResponseRecord) => ReactNode;
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

  let content: ReactNode;
  if (ex.state === 'idle') content = <EmptyResponse />;
  else if (ex.state === 'sending') content = <SendingView tabId={tabId} startedAt={ex.startedAt} />;
  else if (ex.state === 'failed') content = <div className="scroll-area"><SendErrorView error={ex.error} /></div>;
  else {
    const { record } = ex;
    const items: TabItem<View>[] = [
      { key: 'body', label: 'Body' },
      { key: 'headers', label: 'Headers', badge: record.headers.length },
      { key: 'timeline', label: 'Timeline' },
    ];
    content = (
      <>
        <StatusLine record={record} />
        {REFUSAL_STATUSES.has(record.status) && <RefusalAlert record={record} />}
        {belowStatus?.(record)}
        <Tabs<View> items={items} active={view} onChange={setView} label="Response">
          {view === 'body' && <ResponseBody key={tabId} tabId={tabId} record={record} pages={ex.pages} />}
          {view === 'headers' && <ResponseHeaders record={record} />}
          {view === 'timeline' && <TimelinePanel record={record} />}
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
