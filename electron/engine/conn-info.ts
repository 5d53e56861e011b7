import type { Socket } from 'node:net';

/** What the connector learned while opening a connection; read by the first request that uses it. */
export interface ConnInfo {
  host: string;
  address: string;
  /** performance.now() when connecting began */
  startedAt: number;
  dnsMs: number | null;
  dnsAddress?: string;
  connectMs: number;
  tlsMs: number | null;
  tls?: { protocol?: string; alpn?: string; servername?: string; clientCertSent: boolean };
  proxy?: { url: string; tunnel: boolean };
  /** first socket error seen, kept because undici may report a plainer one (a TLS alert as "other side closed") */
  error?: Error;
  /** set once a request has used this connection, so later ones report it as reused */
  used: boolean;
}

const infos = new WeakMap<object, ConnInfo>();

export function setConnInfo(socket: Socket, info: ConnInfo): void {
  infos.set(socket, info);
}

export function getConnInfo(socket: object): ConnInfo | undefined {
  return infos.get(socket);
}
