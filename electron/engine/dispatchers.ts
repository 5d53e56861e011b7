import type { Agent } from 'undici';
// The Agent module alone, not undici's index (see undici-agent.d.ts).
import AgentClass from 'undici/lib/dispatcher/agent.js';
import { makeConnector, type ProxyTarget } from './connector';
import { SendFailure } from './send-failure';
import { tlsConnectionOptions } from './tls-material';
import type { SendOptions } from '../../shared/model';

export interface ProxyPlan extends ProxyTarget {
  noProxy: string[];
}

export interface Dispatchers {
  direct: Agent;
  /** present when a proxy is configured */
  proxied?: Agent;
  proxy?: ProxyPlan;
}

// One Agent (keep-alive pools per origin) per distinct TLS/proxy/connectTo/timeout configuration.
const byKey = new Map<string, Dispatchers>();
let byOptions = new WeakMap<SendOptions, Dispatchers>();

function proxyPlan(proxy: NonNullable<SendOptions['proxy']>): ProxyPlan {
  let url: URL;
  try {
    url = new URL(proxy.url);
  } catch {
    throw new SendFailure('proxy', `Proxy URL ${JSON.stringify(proxy.url)} is not a valid URL`);
  }
  if (url.protocol !== 'http:') throw new SendFailure('proxy', `Proxy ${url.host}: only http:// proxies are supported`);
  const user = proxy.username ?? decodeURIComponent(url.username);
  const pass = proxy.password ?? decodeURIComponent(url.password);
  const auth = user || pass ? `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` : undefined;
  const display = `http://${url.host}`;
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) || 80, auth, display, noProxy: proxy.noProxy };
}

function create(options: SendOptions): Dispatchers {
  const tls = tlsConnectionOptions(options.tls);
  const base = {
    tls,
    servername: options.tls.servername,
    clientCert: Boolean(options.tls.cert || options.tls.pfx),
    connectMs: options.timeouts.connectMs,
    connectTo: options.connectTo,
    httpVersion: options.httpVersion,
  };
  // undici picks HTTP/2 for a socket the connector marks 'h2'; allowH2 tells it to expect that.
  const allowH2 = options.httpVersion !== '1.1';
  const direct = new AgentClass({ connect: makeConnector(base), allowH2 });
  if (!options.proxy) return { direct };
  const proxy = proxyPlan(options.proxy);
  return { direct, proxy, proxied: new AgentClass({ connect: makeConnector({ ...base, proxy }), allowH2 }) };
}

export function dispatchersFor(options: SendOptions): Dispatchers {
  let found = byOptions.get(options);
  if (found) return found;
  const key = JSON.stringify([options.tls, options.proxy ?? null, options.connectTo, options.timeouts.connectMs, options.httpVersion]);
  found = byKey.get(key);
  if (!found) {
    found = create(options);
    byKey.set(key, found);
  }
  byOptions.set(options, found);
  return found;
}

const http1Of = new WeakMap<SendOptions, SendOptions>();

/** The dispatchers of the same options limited to HTTP/1.1 (a request whose headers HTTP/2 cannot carry). */
export function http1DispatchersFor(options: SendOptions): Dispatchers {
  let o = http1Of.get(options);
  if (!o) {
    o = { ...options, httpVersion: '1.1' };
    http1Of.set(options, o);
  }
  return dispatchersFor(o);
}

export async function closePools(): Promise<void> {
  const all = [...byKey.values()];
  byKey.clear();
  byOptions = new WeakMap();
  await Promise.all(all.flatMap((d) => [d.direct.close(), d.proxied?.close()]));
}
