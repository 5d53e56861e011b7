// Small helpers shared by the benchmarks: a loopback target and robust statistics.
import { createServer } from 'node:http';

export async function startTarget() {
  const body = JSON.stringify({ ok: true, items: [1, 2, 3], note: 'benchmark payload' });
  const server = createServer((req, res) => {
    if (req.url === '/forbidden') {
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' });
      res.end('{"message":"Forbidden"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 10_000;
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }) };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function fmt(n, digits = 3) {
  return Number(n).toFixed(digits);
}
