/** Statuses that mean "the request was refused", which the UI colours red and announces. */
export const REFUSAL_STATUSES = new Set([401, 403, 407, 429]);

const SUMMARY: Record<number, string> = {
  401: 'the server wants credentials it did not get or did not accept',
  403: 'the server refused this request',
  407: 'the proxy wants credentials before it forwards this request',
  429: 'the server is rate-limiting these requests',
};

export function refusalSummary(status: number): string {
  return SUMMARY[status] ?? 'the request was refused';
}

/** A headline per send-error code; the message, reason and remedy come from the backend. */
export function errorTitle(code: string): string {
  if (code === 'connection-refused') return 'Could not connect';
  if (code === 'dns') return 'Host not found';
  if (code === 'connection-reset') return 'Connection reset';
  if (code.startsWith('tls')) return 'TLS handshake failed';
  if (code.startsWith('timeout')) return 'Timed out';
  if (code === 'cancelled') return 'Request cancelled';
  if (code.startsWith('invalid') || code === 'file-not-found') return 'Request not sent';
  if (code.includes('redirect')) return 'Redirect problem';
  if (code.startsWith('proxy')) return 'Proxy problem';
  if (code.startsWith('decompression') || code === 'body-too-large') return 'Response body problem';
  if (code === 'backend-unreachable') return 'Backend unreachable';
  return 'Could not send';
}
