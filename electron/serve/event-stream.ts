// GET /events: the contract's events as a text/event-stream for the browser UI (the same events
// Electron's window gets over IPC). The token comes in a header, so the page reads it with fetch.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventHub } from '../services/event-hub';

/** Keeps proxies and the browser from closing an idle stream; also notices a client that left. */
const HEARTBEAT_MS = 15_000;

export function streamEvents(req: IncomingMessage, res: ServerResponse, hub: EventHub, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  res.write(': connected\n\n');
  const unsubscribe = hub.subscribe((channel, payload) => {
    res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const beat = setInterval(() => res.write(': beat\n\n'), HEARTBEAT_MS);
  const stop = (): void => {
    clearInterval(beat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('error', stop);
}
