// A server that records every request it receives (method, path, headers, body): where e2e specs
// check what the app really sent. `answer` chooses the response per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, startHttp, type TestServer } from '../../support/servers';

export interface Received { method: string; url: string; headers: IncomingMessage['headers']; body: string }

export interface Recorder { server: TestServer; url: string; seen: Received[]; close(): Promise<void> }

export async function startRecorder(answer: (req: Received, res: ServerResponse) => void): Promise<Recorder> {
  const seen: Received[] = [];
  const server = await startHttp((req, res) => {
    void readBody(req).then((body) => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8') };
      seen.push(r);
      answer(r, res);
    });
  });
  return { server, url: server.url, seen, close: () => server.close() };
}
