import Editor from '@monaco-editor/react';
import { useEffect, useState } from 'react';

interface CodeEditorProps {
  value: string;
  language: 'json' | 'plaintext' | 'xml' | 'html';
  onChange?(value: string): void;
  readOnly?: boolean;
  /** Accessible name for the editing surface. */
  label: string;
}

function useDarkMode(): boolean {
  const query = '(prefers-color-scheme: dark)';
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    mql.addEventListener('change', onChange);
    return () => mql.removeEventListener('change', onChange);
  }, []);
  return dark;
}

/** Monaco, bundled locally (see monaco-setup.ts), following the OS light/dark setting. */
export function CodeEditor({ value, language, onChange, readOnly, label }: CodeEditorProps) {
  const dark = useDarkMode();
  return (
    <div className="code-editor" data-testid={readOnly ? 'code-viewer' : 'code-editor'}>
      <Editor
        value={value}
        language={language}
        theme={dark ? 'vs-dark' : 'vs'}
        onChange={(v) => onChange?.(v ?? '')}
        loading={<div className="code-loading">Loading editor…</div>}
        options={{
          readOnly,
          ariaLabel: label,
          minimap: { enabled: false },
          fontSize: 12.5,
          lineNumbersMinChars: 3,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          wordWrap: 'on',
          tabSize: 2,
          renderLineHighlight: readOnly ? 'none' : 'line',
          folding: true,
          padding: { top: 6 },
          fixedOverflowWidgets: true,
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          overviewRulerBorder: false,
          scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
        }}
      />
    </div>
  );
}
