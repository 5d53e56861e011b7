// The code editor the app uses everywhere. Monaco is loaded the first time one is shown (its own
// chunk, monaco-editor.tsx); until then a plain textarea (or, read-only, the text) stands in, so
// typing and reading never wait for it.
import { lazy, Suspense } from 'react';

/** A span of `value` (UTF-16 offsets) to highlight and scroll to; a new `nonce` re-reveals it. */
export interface CodeHighlight {
  start: number;
  end: number;
  nonce: number;
}

export interface CodeEditorProps {
  value: string;
  language: 'json' | 'plaintext' | 'xml' | 'html';
  onChange?(value: string): void;
  readOnly?: boolean;
  /** Accessible name for the editing surface. */
  label: string;
  highlight?: CodeHighlight | null;
}

/**
 * Above this many characters the editor drops what costs per keystroke over the whole text, as VS
 * Code does for large files: the JSON language service (its worker's outline, folding ranges and
 * diagnostics come back to the window after every edit: seconds a key on 5 MB), folding and sticky
 * scroll. The text stays plain; a JSON body's own check (JsonBar) still says whether it is valid.
 */
export const LARGE_TEXT = 512 * 1024;

const Monaco = lazy(() => import('./monaco-editor'));

/** Enough of a big body to read while Monaco loads; the rest appears with it. */
const FALLBACK_CHARS = 64 * 1024;

function Stand({ value, onChange, readOnly, label }: CodeEditorProps) {
  if (readOnly) return <pre className="code-fallback mono" aria-label={label}>{value.slice(0, FALLBACK_CHARS)}</pre>;
  return (
    <textarea className="code-fallback mono" aria-label={label} value={value} spellCheck={false}
      onChange={(e) => onChange?.(e.target.value)} />
  );
}

export function CodeEditor(props: CodeEditorProps) {
  return (
    <div className="code-editor" data-testid={props.readOnly ? 'code-viewer' : 'code-editor'}>
      <Suspense fallback={<Stand {...props} />}>
        <Monaco {...props} />
      </Suspense>
    </div>
  );
}
