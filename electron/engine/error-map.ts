import { SendFailure } from './send-failure';
import type { SendErrorCode } from '../../shared/model';

interface ErrorLike { code?: unknown; message?: unknown; cause?: unknown }

const TLS_CODES: Record<string, SendErrorCode> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls-self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-hostname',
  CERT_HAS_EXPIRED: 'tls-expired',
  CERT_NOT_YET_VALID: 'tls-expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls-untrusted',
  UNABLE_TO_GET_ISSUER_CERT: 'tls-untrusted',
};

const PLAIN_CODES: Record<string, SendErrorCode> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_NONAME: 'dns',
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CONNECT_TIMEOUT: 'timeout-connect',
  UND_ERR_HEADERS_TIMEOUT: 'timeout-first-byte',
  UND_ERR_BODY_TIMEOUT: 'timeout-total',
  UND_ERR_ABORTED: 'cancelled',
  // An HTTP/2 stream or session the server reset or closed mid-exchange.
  ERR_HTTP2_STREAM_ERROR: 'connection-reset',
  ERR_HTTP2_SESSION_ERROR: 'connection-reset',
  ERR_HTTP2_GOAWAY_SESSION: 'connection-reset',
  ERR_HTTP2_ERROR: 'connection-reset',
  ABORT_ERR: 'cancelled',
};

function codeOf(err: ErrorLike): string {
  return typeof err.code === 'string' ? err.code : '';
}

/** Which SendErrorCode an error from undici, net, tls or zlib means. */
export function classify(err: unknown): SendErrorCode {
  if (err instanceof SendFailure) return err.code;
  const e = (err ?? {}) as ErrorLike;
  const code = codeOf(e);
  const tls = TLS_CODES[code];
  if (tls) return tls;
  // Servers that demand a client certificate reject the handshake with an alert.
  if (/CERTIFICATE_REQUIRED|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA|ALERT_CERTIFICATE_UNKNOWN/.test(code)) return 'tls-client-cert';
  const plain = PLAIN_CODES[code];
  if (plain) return plain;
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code.startsWith('CERT_')) return 'tls';
  const message = typeof e.message === 'string' ? e.message : '';
  if (/other side closed|socket hang up/i.test(message)) return 'connection-reset';
  if (e.cause && e.cause !== err) return classify(e.cause);
  return 'unknown';
}

/** Turns any error into a SendFailure whose message names the URL concretely. */
export function toFailure(err: unknown, url: string): SendFailure {
  if (err instanceof SendFailure) return err;
  const code = classify(err);
  const e = (err ?? {}) as ErrorLike;
  const detail = typeof e.message === 'string' && e.message ? e.message : String(err);
  const raw = codeOf(e);
  return new SendFailure(code, `${describe(code, url)}${raw ? ` (${raw})` : ''}: ${detail}`);
}

function describe(code: SendErrorCode, url: string): string {
  let host = url;
  try { host = new URL(url).host; } catch { /* keep the raw text */ }
  switch (code) {
    case 'dns': return `Cannot resolve ${host}`;
    case 'connection-refused': return `Connection to ${host} refused`;
    case 'connection-reset': return `Connection to ${host} was reset while requesting ${url}`;
    case 'timeout-connect': return `Connecting to ${host} timed out`;
    case 'timeout-first-byte': return `No response from ${url} in time`;
    case 'timeout-total': return `Request to ${url} took too long`;
    case 'cancelled': return `Request to ${url} was cancelled`;
    default:
      return code.startsWith('tls') ? `TLS handshake with ${host} failed` : `Request to ${url} failed`;
  }
}
