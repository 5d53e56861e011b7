// The host name the explainer reads of a request's URL (host-hint.ts), in a module of its own with no
// registry behind it: the runner keys its cache of explanations by it without loading the explainer.

// scheme (optional: users paste bare hosts as often as URLs), user info, then the host up to a port, path, query or fragment
const AUTHORITY = /^(?:[a-z][a-z0-9+.-]{0,20}:\/\/)?(?:[^@/?#\s]{0,200}@)?([^:/?#\s[\]]{1,253})(?::\d{1,5})?(?:[/?#]|$)/i;
// labels of letters, digits and hyphens between single dots (linear: a dot ends each label)
const HOST_NAME = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,126}$/;

/** The host name of a URL or bare host, lower case, or null when there is none (one label, like localhost, names no public service). */
export function hostOf(url: string): string | null {
  const host = AUTHORITY.exec(url.trim())?.[1]?.toLowerCase().replace(/\.$/, '');
  return host && HOST_NAME.test(host) ? host : null;
}
