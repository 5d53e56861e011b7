import { isRefusalStatus } from '../explain/refusal';

// The refusal statuses live with the one refusal rule; re-exported for the status helpers' callers.
export { REFUSAL_STATUSES, isRefusalStatus } from '../explain/refusal';

export type StatusTone = 'success' | 'redirect' | 'client-error' | 'refusal' | 'server-error' | 'info';

export function statusTone(status: number): StatusTone {
  if (isRefusalStatus(status)) return 'refusal';
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'info';
}

/** One-line hint per refusal status, shown by the CLI and the app until the explainer says more. */
export function refusalHint(status: number): string {
  switch (status) {
    case 401: return 'the server wants credentials it did not get or did not accept';
    case 403: return 'the server (or a gateway, WAF or proxy in front of it) refused this request';
    case 407: return 'a forward proxy wants credentials';
    case 429: return 'rate limited: slow down or wait for the limit to reset';
    case 451: return 'unavailable for legal reasons (often a geo block)';
    default: return '';
  }
}
