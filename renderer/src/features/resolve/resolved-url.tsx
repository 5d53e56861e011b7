import './resolve.css';
import { useEffect, useState } from 'react';
import { api, toClientError } from '../../platform';
import { fileFromDraft, maskedSegments, useResolvedStore, type Draft, type Resolved } from '../request-editor';
import { useWorkspaceStore } from '../workspace';

/** Under the URL field of a workspace request: the URL with the selected environment applied (debounced). */
export function ResolvedUrl({ draft }: { draft: Draft }) {
  const root = useWorkspaceStore((s) => s.root);
  const env = useWorkspaceStore((s) => s.env);
  const seq = useWorkspaceStore((s) => s.seq);
  // a new snapshot (after saving folder or collection settings) can change defaults the preview uses
  const snapshot = useWorkspaceStore((s) => s.snapshot);
  const [state, setState] = useState<{ result: Resolved | null; error: string | null }>({ result: null, error: null });
  const file = draft.file;
  const request = file ? JSON.stringify(fileFromDraft(draft, file.saved)) : null;
  const path = file?.path;
  const tabId = draft.id;

  useEffect(() => {
    if (!root || !path || request === null) return;
    let live = true;
    const t = setTimeout(() => {
      api.workspace.resolve({ dir: root, path, request: JSON.parse(request), ...(env ? { env } : {}) })
        .then((result) => {
          if (!live) return;
          setState({ result, error: null });
          // The editor's variable hovers and the folder/collection header rows read the same answer.
          useResolvedStore.getState().put(tabId, result, env);
        })
        .catch((err) => live && setState({ result: null, error: toClientError(err).message }));
    }, 200);
    return () => { live = false; clearTimeout(t); };
  }, [root, path, request, env, seq, snapshot, tabId]);

  if (!file || !root) return null;
  const { result, error } = state;
  if (error) return <div className="resolved-url is-error" role="status">{error}</div>;
  if (!result) return <div className="resolved-url" aria-hidden><span className="resolved-label">→</span></div>;
  const missing = new Set(result.unresolved.map((u) => u.name));
  const segments = maskedSegments(draft.url, result);
  const scopeOf = new Map(result.used.map((u) => [u.name, u.scope]));
  return (
    <div className="resolved-url" aria-label="Resolved URL" role="status" data-env={env ?? ''}>
      <span className="resolved-label" title={env ? `With environment ${env}` : 'No environment selected'}>{env ?? 'no env'} →</span>
      <span className="resolved-text mono" data-testid="resolved-url">
        {segments.map((s, i) => s.kind === 'text' ? <span key={i}>{s.text}</span> : s.resolved
          ? <span key={i} className="var-resolved" title={`{{${s.name}}} from ${scopeOf.get(s.name) ?? 'a scope'}`}>{s.text}</span>
          : <span key={i} className="var-unresolved" title={result.unresolved.find((u) => u.name === s.name)?.reason ?? `{{${s.name}}} is not defined`}>{s.text}</span>)}
      </span>
      {missing.size > 0 && (
        <span className="resolved-missing" title={result.unresolved.map((u) => `${u.name}: ${u.reason}`).join('\n')}>
          {missing.size} unresolved: {[...missing].join(', ')}
        </span>
      )}
    </div>
  );
}
