// The JSON body's check as the user types. Small bodies are checked at once; a large one (5 MB
// pasted) would take hundreds of milliseconds a keystroke on the window's thread, so it is checked
// in a worker once typing pauses, and the bar says "Checking…" meanwhile.
import { useEffect, useMemo, useState } from 'react';
import { LARGE_TEXT } from '../../ui/code-editor';
import { workerCalls } from '../../lib/worker-calls';
import { checkJson, type JsonCheck } from './json-check';

export type JsonCheckState = JsonCheck | { ok: 'checking' };

/** Quiet time before a large body is sent to the worker: a fast typist's gap between keys. */
const PAUSE_MS = 250;

const checker = workerCalls<string, JsonCheck>(
  () => new Worker(new URL('./json-check.worker.ts', import.meta.url), { type: 'module', name: 'json-check' }),
  'The JSON check',
);

export function useJsonCheck(text: string): JsonCheckState {
  const large = text.length > LARGE_TEXT;
  const now = useMemo(() => (large ? null : checkJson(text)), [large, text]);
  const [late, setLate] = useState<{ text: string; check: JsonCheck } | null>(null);
  useEffect(() => {
    if (!large) return;
    let live = true;
    const timer = window.setTimeout(() => {
      // A worker that cannot run answers with the reason, shown in the bar.
      const failed = (err: Error): JsonCheck => ({ ok: false, message: err.message, line: 1, column: 1 });
      void checker.call(text).catch(failed).then((check) => { if (live) setLate({ text, check }); });
    }, PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [large, text]);
  if (now) return now;
  return late?.text === text ? late.check : { ok: 'checking' };
}
