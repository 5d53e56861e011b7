// The JSON body's check as the user types. Small bodies are checked at once; a large one (5 MB
// pasted) would take hundreds of milliseconds a keystroke on the window's thread, so it is checked
// in a worker once typing pauses, and the bar says "Checking…" meanwhile.
import { useEffect, useMemo, useState } from 'react';
import { LARGE_TEXT } from '../../ui/code-editor';
import { checkJson, type JsonCheck } from './json-check';

export type JsonCheckState = JsonCheck | { ok: 'checking' };

/** Quiet time before a large body is sent to the worker: a fast typist's gap between keys. */
const PAUSE_MS = 250;

let worker: Worker | null = null;
let seq = 0;
const replies = new Map<number, (check: JsonCheck) => void>();

function checker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./json-check.worker.ts', import.meta.url), { type: 'module', name: 'json-check' });
  w.onmessage = (e: MessageEvent<{ id: number; check: JsonCheck }>) => {
    replies.get(e.data.id)?.(e.data.check);
    replies.delete(e.data.id);
  };
  // A worker that cannot run answers every waiting check with the reason, shown in the bar.
  w.onerror = (e) => {
    e.preventDefault();
    const failed: JsonCheck = { ok: false, message: `the check could not run (${e.message || 'worker failed'})`, line: 1, column: 1 };
    for (const reply of replies.values()) reply(failed);
    replies.clear();
    w.terminate();
    if (worker === w) worker = null;
  };
  worker = w;
  return w;
}

export function useJsonCheck(text: string): JsonCheckState {
  const large = text.length > LARGE_TEXT;
  const now = useMemo(() => (large ? null : checkJson(text)), [large, text]);
  const [late, setLate] = useState<{ text: string; check: JsonCheck } | null>(null);
  useEffect(() => {
    if (!large) return;
    let live = true;
    const timer = window.setTimeout(() => {
      const id = ++seq;
      replies.set(id, (check) => { if (live) setLate({ text, check }); });
      checker().postMessage({ id, text });
    }, PAUSE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [large, text]);
  if (now) return now;
  return late?.text === text ? late.check : { ok: 'checking' };
}
