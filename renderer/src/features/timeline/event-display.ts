import type { TimelineEvent } from '../../../../shared/model';
import { formatMs } from '../../lib/format';
import { escapeRegex } from '../../../../shared/util/escape-regex';

export interface EventDisplay {
  icon: string;
  label: string;
  summary: string;
  tone: 'out' | 'in' | 'net' | 'warn' | 'error' | 'info';
  source?: string;
}

/** A secret value with only its ends kept (`team…9c ••••`), as the wire view shows it until revealed. */
export const maskSecret = (v: string): string => (v.length > 10 ? `${v.slice(0, 4)}…${v.slice(-2)} ••••` : '••••••');

/** `url` (or a request line) with the values of the named query parameters masked (a key sent `in: query`). */
export function maskParams(url: string, names: readonly string[]): string {
  if (!names.length) return url;
  const re = new RegExp(`([?&](?:${names.map(escapeRegex).join('|')})=)([^&#\\s]*)`, 'g');
  return url.replace(re, (_all, head: string, value: string) => `${head}${maskSecret(value)}`);
}

/** A sent header holding a secret: the engine or the send marked it sensitive, or a key profile added it. */
export const isSecretEvent = (e: TimelineEvent): boolean => e.type === 'header.out' && (e.sensitive === true || e.origin === 'auth');

/**
 * One pure mapping from a timeline event to what a row shows (Yaak's getEventDisplay). A secret
 * header's value, and the value of each query parameter in `params`, are masked unless `reveal`.
 */
export function eventDisplay(e: TimelineEvent, reveal = false, params: readonly string[] = []): EventDisplay {
  const url = (u: string): string => (reveal ? u : maskParams(u, params));
  switch (e.type) {
    case 'request.url': return { icon: '→', label: 'Request', summary: `${e.method} ${url(e.url)}`, tone: 'out' };
    case 'header.out': {
      const value = isSecretEvent(e) && !reveal ? maskSecret(e.value) : e.value;
      return { icon: '↑', label: 'Header', summary: `${e.name}: ${value}`, tone: 'out', source: e.origin };
    }
    case 'header.in': return { icon: '↓', label: 'Header', summary: `${e.name}: ${e.value}`, tone: 'in' };
    case 'dns': return { icon: '◎', label: 'DNS', summary: `${e.host}${e.address ? ` → ${e.address}` : ''} (${formatMs(e.ms)})`, tone: 'net' };
    case 'connect': return { icon: '⇄', label: 'Connect', summary: `${e.address}${e.reused ? ' (reused)' : ''} (${formatMs(e.ms)})`, tone: 'net' };
    case 'tls': return {
      icon: '◈', label: 'TLS',
      summary: [e.protocol, e.alpn && `ALPN ${e.alpn}`, e.servername && `SNI ${e.servername}`, e.clientCertSent && 'client cert sent', formatMs(e.ms)]
        .filter(Boolean).join(' · '),
      tone: 'net',
    };
    case 'proxy': return { icon: '⇢', label: 'Proxy', summary: `${e.url}${e.tunnel ? ' (CONNECT tunnel)' : ''}`, tone: 'net' };
    case 'redirect': return {
      icon: '↪', label: 'Redirect',
      summary: `${e.hop.status} → ${url(e.hop.location)}${e.hop.droppedHeaders.length ? ` · dropped ${e.hop.droppedHeaders.join(', ')}` : ''}`,
      tone: 'warn',
    };
    case 'info': return { icon: 'i', label: 'Info', summary: e.message, tone: 'info' };
    case 'error': return { icon: '!', label: 'Error', summary: `${e.code}: ${e.message}`, tone: 'error' };
  }
}
