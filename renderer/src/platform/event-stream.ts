// The serve transport's half of contract events: GET /events read as a text/event-stream through
// fetch (EventSource cannot send the token header). Reconnects after a drop, a bounded number of
// times in a row, so a restarted `clearance serve` is picked up again.
import type { EventListener } from './transport';

const RETRY_MS = 1000;
const MAX_RETRIES = 30;

/** Feeds complete `event:`/`data:` blocks to the listener; returns what is left of the buffer. */
function drain(buf: string, listener: EventListener): string {
  let i: number;
  while ((i = buf.indexOf('\n\n')) >= 0) {
    const block = buf.slice(0, i);
    buf = buf.slice(i + 2);
    let channel = '';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) channel = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!channel || !data) continue;
    try {
      listener(channel, JSON.parse(data));
    } catch (err) {
      // A payload that does not parse is the backend's bug; the stream itself goes on.
      console.error(`event ${channel}: ${(err as Error).message}`);
    }
  }
  return buf;
}

export function openEventStream(token: string | null, listener: EventListener): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let failures = 0;
  async function connect(): Promise<void> {
    while (!stopped && failures < MAX_RETRIES) {
      controller = new AbortController();
      try {
        const res = await fetch('/events', { headers: { 'x-clearance-token': token ?? '' }, signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`GET /events answered ${res.status}`);
        failures = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf = drain(buf + value, listener);
        }
      } catch (err) {
        if (stopped) return;
        // Live progress is a nicety: sends still complete without it, so a lost stream only retries.
        console.warn(`event stream: ${(err as Error).message}; retrying`);
      }
      failures++;
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
