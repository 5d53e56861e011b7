// The JSON check of a large body (use-json-check.ts), off the window's thread.
import { checkJson, type JsonCheck } from './json-check';

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ id: number; text: string }>) => void) | null; postMessage(m: { id: number; check: JsonCheck }): void };

scope.onmessage = (e) => scope.postMessage({ id: e.data.id, check: checkJson(e.data.text) });
