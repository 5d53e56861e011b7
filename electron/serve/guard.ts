import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Loopback only, our own port: defeats DNS rebinding (Host) and cross-site calls (Origin). */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export type GuardFailure = { status: number; code: string; message: string };

export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardFailure | null {
  const hosts = allowedHosts(port);
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) return { status: 403, code: 'foreign-host', message: `Host ${JSON.stringify(host)} is not this server` };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok = u.protocol === 'http:' && hosts.has(u.host);
    } catch {
      ok = false;
    }
    if (!ok) return { status: 403, code: 'foreign-origin', message: `Origin ${JSON.stringify(origin)} may not call this server` };
  }
  return null;
}

export function checkToken(req: IncomingMessage, token: string): GuardFailure | null {
  const given = req.headers['x-clearance-token'];
  if (typeof given !== 'string' || given.length === 0) return { status: 401, code: 'missing-token', message: 'missing x-clearance-token' };
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 401, code: 'wrong-token', message: 'wrong token' };
  return null;
}
