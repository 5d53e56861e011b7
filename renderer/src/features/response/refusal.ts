import { refusalHint } from '../../../../shared/util/status';

// The one refusal rule (statuses and predicate) is shared with the CLI, the runner and history.
export { REFUSAL_STATUSES, isRefusal } from '../../../../shared/explain/refusal';

/** The band's words: the status's own hint, or plain "refused" for a refusal served with another status (a 200 block page). */
export function refusalSummary(status: number): string {
  return refusalHint(status) || 'the request was refused';
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
