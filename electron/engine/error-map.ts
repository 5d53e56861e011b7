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
  // No common protocol version: the server's alert, or the client's own refusal of what it offered.
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'tls-version',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'tls-version',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'tls-version',
  // No common cipher suite: the server's handshake_failure alert, or no suite left on this side.
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'tls-cipher',
  ERR_SSL_NO_SHARED_CIPHER: 'tls-cipher',
  ERR_SSL_NO_CIPHERS_AVAILABLE: 'tls-cipher',
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
  // Responses that break HTTP/1.1: the parser's own codes (HPE_*) and undici's.
  UND_ERR_HEADERS_OVERFLOW: 'response-headers-too-large',
  HPE_HEADER_OVERFLOW: 'response-headers-too-large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response-length-mismatch',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'response-length-mismatch',
  HPE_INVALID_CONTENT_LENGTH: 'response-length-mismatch',
  HPE_INVALID_TRANSFER_ENCODING: 'response-length-mismatch',
  HPE_INVALID_CHUNK_SIZE: 'response-invalid-chunk',
  HPE_STRICT: 'response-invalid-chunk',
  HPE_INVALID_STATUS: 'response-invalid-status',
  HPE_INVALID_CONSTANT: 'response-not-http',
  HPE_INVALID_VERSION: 'response-not-http',
  HPE_INVALID_HEADER_TOKEN: 'response-malformed',
  HPE_LF_EXPECTED: 'response-malformed',
  HPE_CR_EXPECTED: 'response-malformed',
};

/**
 * undici 7 builds its parser errors with the llhttp code lost (a lookup by number in a map keyed
 * by name), so the reason llhttp wrote in the message is what tells them apart.
 */
const PARSER_REASONS: Array<[RegExp, SendErrorCode]> = [
  [/header overflow/i, 'response-headers-too-large'],
  [/chunk/i, 'response-invalid-chunk'],
  [/content-length|transfer-encoding/i, 'response-length-mismatch'],
  [/response status/i, 'response-invalid-status'],
  [/Expected HTTP\/|HTTP version/i, 'response-not-http'],
];

function parserCode(e: ErrorLike & { name?: unknown }): SendErrorCode | undefined {
  if (e.name !== 'HTTPParserError') return undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  return PARSER_REASONS.find(([re]) => re.test(message))?.[1] ?? 'response-malformed';
}

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
  const plain = PLAIN_CODES[code] ?? parserCode(e);
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
  const detail = readable(typeof e.message === 'string' && e.message ? e.message : String(err));
  const raw = codeOf(e);
  return new SendFailure(code, `${describe(code, url)}${raw ? ` (${raw})` : ''}: ${detail}`);
}

/**
 * OpenSSL's error string (`80CC…:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake
 * failure:../deps/…/rec_layer_s3.c:1601:SSL alert number 40`, with a trailing newline) cut to its
 * reason and alert; any other message on one line.
 */
function readable(message: string): string {
  const ssl = /^[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):[^:]*:\d+:(.*)$/.exec(message.trim());
  if (ssl) return ssl[2] ? `${ssl[1]} (${ssl[2]})` : ssl[1]!;
  return message.trim().replace(/\s*\n\s*/g, ' ');
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
    case 'response-headers-too-large': return `The response from ${host} has too many or too large headers`;
    case 'response-invalid-chunk': return `The response from ${host} has a broken chunked body`;
    case 'response-invalid-status': return `The response from ${host} has an invalid status code`;
    case 'response-length-mismatch': return `The response from ${host} has conflicting body framing`;
    case 'response-not-http': return `The response from ${host} is not HTTP/1.1`;
    case 'response-malformed': return `The response from ${host} is malformed HTTP`;
    default:
      return code.startsWith('tls') ? `TLS handshake with ${host} failed` : `Request to ${url} failed`;
  }
}
