import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { performance } from 'node:perf_hooks';
import type { buildConnector } from 'undici';
import { setConnInfo, type ConnInfo } from './conn-info';
import { openTunnel } from './proxy-tunnel';
import { SendFailure } from './send-failure';
import type { HttpVersion, SendOptions } from '../../shared/model';

export interface ProxyTarget {
  host: string;
  port: number;
  /** Proxy-Authorization value, if credentials were given */
  auth?: string;
  /** URL without credentials, for messages and the timeline */
  display: string;
}

export interface ConnectorConfig {
  tls: ConnectionOptions;
  servername?: string;
  clientCert: boolean;
  connectMs: number;
  connectTo: SendOptions['connectTo'];
  httpVersion: HttpVersion;
  proxy?: ProxyTarget;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function mapTarget(cfg: ConnectorConfig, host: string, port: number): { host: string; port: number } {
  for (const rule of cfg.connectTo) {
    if (rule.host.toLowerCase() === host.toLowerCase() && (!rule.port || rule.port === port)) {
      return { host: rule.toHost || host, port: rule.toPort ?? port };
    }
  }
  return { host, port };
}

/**
 * An undici connector that opens TCP/TLS itself, so each phase is timed and proxies and connectTo apply.
 * undici speaks HTTP/2 on a socket whose `alpnProtocol` is 'h2': ALPN sets it over TLS (through a
 * CONNECT tunnel too, TLS being end to end), and '2' sets it on a direct http:// socket (h2c with prior knowledge).
 */
export function makeConnector(cfg: ConnectorConfig): buildConnector.connector {
  // '2' offers http/1.1 too, so a server without HTTP/2 completes the handshake and the failure can name its choice.
  const alpn = cfg.httpVersion === '1.1' ? ['http/1.1'] : ['h2', 'http/1.1'];
  return (opts, callback) => {
    const https = opts.protocol === 'https:';
    const port = Number(opts.port) || (https ? 443 : 80);
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    const info: ConnInfo = { host, address: '', startedAt: performance.now(), dnsMs: null, connectMs: 0, tlsMs: null, used: false };
    let current: Socket | undefined;
    let done = false;
    const finish = (err: Error | null, socket?: Socket): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err || !socket) {
        current?.destroy();
        callback(err ?? new Error('no socket'), null);
        return;
      }
      socket.off('error', onError);
      socket.on('error', (e: Error) => { info.error ??= e; });
      info.address = `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`;
      setConnInfo(socket, info);
      callback(null, socket);
    };
    const onError = (err: Error): void => finish(err);
    const timer = setTimeout(() => {
      finish(new SendFailure('timeout-connect', `Connecting to ${host}:${port}${cfg.proxy ? ` via proxy ${cfg.proxy.display}` : ''} timed out after ${cfg.connectMs} ms`));
    }, cfg.connectMs);
    const lookup = (hostname: string, options: LookupOptions, cb: LookupCallback): void => {
      const t = performance.now();
      dnsLookup(hostname, options, (err, address, family) => {
        info.dnsMs = performance.now() - t;
        if (!err) info.dnsAddress = Array.isArray(address) ? address[0]?.address : address;
        cb(err, address as string, family);
      });
    };
    const startTls = (target: { host: string; port: number }, socket?: Socket): void => {
      const t = performance.now();
      const servername = cfg.servername ?? (isIP(host) ? undefined : host);
      const s: TLSSocket = tlsConnect({
        ...cfg.tls, ALPNProtocols: alpn, servername,
        ...(socket ? { socket } : { host: target.host, port: target.port, lookup }),
      });
      current = s;
      s.once('error', onError);
      if (!socket) s.once('connect', () => { info.connectMs = performance.now() - info.startedAt - (info.dnsMs ?? 0); });
      const tlsStart = socket ? t : undefined;
      s.once('secureConnect', () => {
        const began = tlsStart ?? info.startedAt + (info.dnsMs ?? 0) + info.connectMs;
        info.tlsMs = performance.now() - began;
        info.tls = { protocol: s.getProtocol() ?? undefined, alpn: s.alpnProtocol || undefined, servername, clientCertSent: cfg.clientCert };
        if (cfg.httpVersion === '2' && s.alpnProtocol !== 'h2') {
          finish(new SendFailure('http2-unsupported', `HTTP/2 was required, but ${host}:${port} did not agree to it: its TLS handshake chose ${s.alpnProtocol ? `ALPN ${s.alpnProtocol}` : 'no ALPN protocol'} (offered: h2, http/1.1)`));
          return;
        }
        finish(null, s);
      });
    };

    const proxy = cfg.proxy;
    if (proxy) {
      const raw = netConnect({ host: proxy.host, port: proxy.port, lookup });
      current = raw;
      raw.setNoDelay(true);
      raw.once('error', (err) => finish(new SendFailure('proxy', `Cannot reach proxy ${proxy.display}: ${err.message}`)));
      raw.once('connect', () => {
        info.connectMs = performance.now() - info.startedAt - (info.dnsMs ?? 0);
        info.proxy = { url: proxy.display, tunnel: https };
        if (!https) {
          finish(null, raw);
          return;
        }
        const target = mapTarget(cfg, host, port);
        openTunnel(raw, `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`, proxy.auth, proxy.display)
          .then(() => { if (!done) startTls(target, raw); }, (err: Error) => finish(err));
      });
      return;
    }
    const target = mapTarget(cfg, host, port);
    if (https) {
      startTls(target);
      return;
    }
    const s = netConnect({ host: target.host, port: target.port, lookup });
    current = s;
    s.setNoDelay(true);
    s.once('error', onError);
    if (cfg.httpVersion === '2') (s as Socket & { alpnProtocol?: string }).alpnProtocol = 'h2';
    s.once('connect', () => {
      info.connectMs = performance.now() - info.startedAt - (info.dnsMs ?? 0);
      finish(null, s);
    });
  };
}
