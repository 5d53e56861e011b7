import type { ReactNode } from 'react';
import { HTTP_METHODS } from '../../../../shared/model/constants';
import { Button } from '../../ui';
import { useExchange } from '../response';
import type { Draft } from './draft';
import { useRequestEditorStore } from './request-editor.store';
import { isCurlCommand } from './curl-import';
import { cancelTab, copyAsCurl, sendTab } from './send-actions';
import { UrlField } from './url-field';

export function UrlBar({ draft, tools }: { draft: Draft; tools?: ReactNode }) {
  const setMethod = useRequestEditorStore((s) => s.setMethod);
  const setUrl = useRequestEditorStore((s) => s.setUrl);
  const importCurl = useRequestEditorStore((s) => s.importCurl);
  const sending = useExchange(draft.id).state === 'sending';
  return (
    <form className="url-bar" onSubmit={(e) => { e.preventDefault(); sendTab(draft.id); }}>
      <select
        className={`method-select method-${draft.method.toLowerCase()}`}
        aria-label="Method"
        value={draft.method}
        onChange={(e) => setMethod(draft.id, e.target.value)}
      >
        {HTTP_METHODS.map((m) => (
          <option key={m} value={m} className={`method-${m.toLowerCase()}`}>{m}</option>
        ))}
      </select>
      <UrlField draft={draft} onChange={(url) => setUrl(draft.id, url)} onPaste={(e) => {
        const text = e.clipboardData.getData('text/plain');
        if (!isCurlCommand(text)) return; // a plain URL pastes as usual
        e.preventDefault();
        importCurl(draft.id, text);
      }} />
      {sending ? (
        // Distinct keys: reusing one <button> would flip it back to type=submit inside the click, resending.
        <Button key="cancel" variant="danger" className="send-btn" onClick={(e) => { e.preventDefault(); cancelTab(draft.id); }}>
          Cancel
        </Button>
      ) : (
        <Button key="send" variant="primary" className="send-btn" type="submit" title="Send (Ctrl/⌘+Enter)">Send</Button>
      )}
      {tools}
      <Button className="url-tools" title="Copy this request as a curl command" onClick={() => void copyAsCurl(draft.id)}>
        Copy as cURL
      </Button>
    </form>
  );
}
