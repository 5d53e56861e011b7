// One real `clearance serve` process for the reliability tests: RPC calls over HTTP with its token,
// and whether the process is still alive (a defect that killed serve shows as an exit here).
import { request as httpRequest } from 'node:http';
import { startClearanceServe, type ServeHandle } from '../../e2e/support/serve';

export interface RpcReply { ok: boolean; value?: unknown; error?: { code: string; message: string } }

export interface ServeProcess extends ServeHandle {
  rpc(channel: string, args: unknown): Promise<RpcReply>;
}

export async function startServeProcess(env: Record<string, string> = {}): Promise<ServeProcess> {
  const serve = await startClearanceServe({ env });
  const rpc = (channel: string, args: unknown): Promise<RpcReply> => new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: serve.port, path: `/rpc/${channel}`, method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clearance-token': serve.token, host: `127.0.0.1:${serve.port}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(JSON.parse(text) as RpcReply));
    });
    req.on('error', reject);
    req.end(JSON.stringify(args));
  });
  return { ...serve, rpc };
}
