// The Monaco half of CodeEditor, in its own chunk: code-editor.tsx loads it the first time an
// editor is shown, so the first paint does not wait for Monaco (several MB) and its workers.
import './monaco-setup';
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useState } from 'react';
import { LARGE_TEXT, type CodeEditorProps } from './code-editor';
import { useResolvedTheme } from './theme';

type MonacoEditor = Parameters<OnMount>[0];


/** Monaco, bundled locally (see monaco-setup.ts), in the window's theme (the OS's unless the user chose one). */
export default function MonacoCodeEditor({ value, language, onChange, readOnly, label, highlight }: CodeEditorProps) {
  const dark = useResolvedTheme() === 'dark';
  const large = value.length > LARGE_TEXT;
  const [editor, setEditor] = useState<MonacoEditor | null>(null);
  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || !highlight) return;
    const from = model.getPositionAt(highlight.start);
    const to = model.getPositionAt(highlight.end);
    const range = { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
    const decorations = editor.createDecorationsCollection([
      { range, options: { inlineClassName: 'code-highlight', className: 'code-highlight-bg', isWholeLine: false } },
    ]);
    editor.setSelection(range);
    // The editor may still be settling its size (tab just switched, pane resized): reveal again
    // on the layout changes that follow, so the text ends up centred in the final viewport.
    const revealNow = () => editor.revealRangeInCenter(range);
    revealNow();
    const frame = requestAnimationFrame(revealNow);
    const sub = editor.onDidLayoutChange(revealNow);
    const stop = window.setTimeout(() => sub.dispose(), 800);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(stop);
      sub.dispose();
      decorations.clear();
    };
  }, [editor, highlight, value]);
  return (
    <Editor
      value={value}
      language={large ? 'plaintext' : language}
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(v) => onChange?.(v ?? '')}
      onMount={(ed) => setEditor(ed)}
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
        folding: !large,
        stickyScroll: { enabled: !large },
        padding: { top: 6 },
        fixedOverflowWidgets: true,
        overviewRulerLanes: 0,
        hideCursorInOverviewRuler: true,
        overviewRulerBorder: false,
        scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      }}
    />
  );
}
