import './request-editor.css';
import type { ReactNode } from 'react';
import { Tabs, type KvRow, type TabItem } from '../../ui';
import { RequestProfiles } from '../profiles/request-profiles';
import { BodyEditor } from './body-editor';
import { DefaultHeaders } from './default-headers';
import { KvSection } from './kv-section';
import { DraftNotices } from './draft-notices';
import type { Draft, EditorSection } from './draft';
import { useActiveDraft, useRequestEditorStore } from './request-editor.store';
import { UrlBar } from './url-bar';

const count = (rows: KvRow[]) => rows.filter((r) => r.enabled && r.name).length || undefined;

interface RequestEditorProps {
  /** above the URL bar: the conflict banner of a workspace file */
  aboveUrl?: (draft: Draft) => ReactNode;
  /** under the URL bar: the resolved URL preview */
  belowUrl?: (draft: Draft) => ReactNode;
  /** buttons after Send in the URL bar: Save */
  urlTools?: (draft: Draft) => ReactNode;
}

/** The active tab's request: method, URL, Send, then Params / Headers / Body. */
export function RequestEditor({ aboveUrl, belowUrl, urlTools }: RequestEditorProps = {}) {
  const draft = useActiveDraft();
  const setSection = useRequestEditorStore((s) => s.setSection);
  const setParams = useRequestEditorStore((s) => s.setParams);
  const setHeaders = useRequestEditorStore((s) => s.setHeaders);
  const items: TabItem<EditorSection>[] = [
    { key: 'params', label: 'Params', badge: count(draft.params) },
    { key: 'headers', label: 'Headers', badge: count(draft.headers) },
    { key: 'body', label: 'Body', badge: draft.body.kind === 'none' ? undefined : '●' },
    { key: 'profiles', label: 'Key & gateway', badge: draft.profiles?.key || draft.profiles?.gateway ? '●' : undefined },
  ];
  return (
    <section className="request-editor" aria-label="Request">
      {aboveUrl?.(draft)}
      <UrlBar draft={draft} tools={urlTools?.(draft)} />
      {belowUrl?.(draft)}
      <DraftNotices draft={draft} />
      <Tabs items={items} active={draft.section} onChange={(s) => setSection(draft.id, s)} label="Request sections">
        {draft.section === 'params' && (
          <KvSection key={`${draft.id}-params`} rows={draft.params} onChange={(rows) => setParams(draft.id, rows)} noun="param" />
        )}
        {draft.section === 'headers' && (
          <KvSection key={`${draft.id}-headers`} rows={draft.headers} onChange={(rows) => setHeaders(draft.id, rows)} noun="header"
            namePlaceholder="Header" after={<DefaultHeaders draft={draft} />} />
        )}
        {draft.section === 'body' && <BodyEditor key={draft.id} draft={draft} />}
        {draft.section === 'profiles' && <RequestProfiles draft={draft} />}
      </Tabs>
    </section>
  );
}
