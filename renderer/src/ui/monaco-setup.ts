// Monaco bundled locally (the lean `monaco-editor/editor` entry point, 0.56+): no CDN, workers built by vite, CSP-clean.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// Without this @monaco-editor/react injects a jsdelivr script tag, which the CSP blocks.
loader.config({ monaco });
