import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A node:http handler doing RFC 7616 Digest (MD5, qop=auth) for one user; counts challenges and successes. */
export function digestHandler(user: string, password: string, realm = 'clearance-digest') {
  const nonces = new Set<string>();
  const opaque = randomBytes(8).toString('hex');
  const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
  const stats = { challenges: 0, ok: 0, failed: 0 };
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const auth = req.headers.authorization ?? '';
    if (auth.startsWith('Digest ')) {
      const p: Record<string, string> = {};
      for (const m of auth.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) p[m[1]!] = m[2] ?? m[3]!;
      const ha1 = md5(`${p.username}:${realm}:${password}`);
      const ha2 = md5(`${req.method}:${p.uri}`);
      const expected = md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
      if (p.username === user && nonces.has(p.nonce!) && p.opaque === opaque && p.uri === req.url && p.qop === 'auth' && p.response === expected) {
        stats.ok++;
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`digest ok ${p.username}`);
        return;
      }
      stats.failed++;
    }
    stats.challenges++;
    const nonce = randomBytes(12).toString('hex');
    nonces.add(nonce);
    res.writeHead(401, { 'www-authenticate': `Digest realm="${realm}", qop="auth", algorithm=MD5, nonce="${nonce}", opaque="${opaque}"` }).end('digest required');
  };
  return { handler, stats };
}
