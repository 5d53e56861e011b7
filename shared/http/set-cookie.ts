// Set-Cookie headers as the Cookies tab shows them (RFC 6265 §5.2 parsing: the first pair is the
// cookie, attribute names are case-insensitive, unknown attributes are kept, the last of a kind wins).

export interface SetCookie {
  name: string;
  value: string;
  domain: string | null;
  path: string | null;
  /** the Expires attribute as written */
  expires: string | null;
  /** Max-Age in seconds (wins over Expires in a browser) */
  maxAge: number | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
  partitioned: boolean;
  /** attributes this parser does not name (Priority=High…), as written */
  other: string[];
  /** the header value as received */
  raw: string;
}

/** One Set-Cookie value; null when it has no `name=value` pair a browser would accept. */
export function parseSetCookie(raw: string): SetCookie | null {
  const [pair = '', ...attrs] = raw.split(';');
  const eq = pair.indexOf('=');
  // A pair without '=' is a nameless cookie in RFC 6265bis; browsers store it with an empty name.
  const name = eq < 0 ? '' : pair.slice(0, eq).trim();
  const value = (eq < 0 ? pair : pair.slice(eq + 1)).trim().replace(/^"(.*)"$/, '$1');
  if (name === '' && value === '') return null;
  const c: SetCookie = { name, value, domain: null, path: null, expires: null, maxAge: null, secure: false, httpOnly: false,
    sameSite: null, partitioned: false, other: [], raw };
  for (const a of attrs) {
    const i = a.indexOf('=');
    const key = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
    const val = i < 0 ? '' : a.slice(i + 1).trim();
    if (key === '') continue;
    if (key === 'domain') c.domain = val.replace(/^\./, '') || null;
    else if (key === 'path') c.path = val || null;
    else if (key === 'expires') c.expires = val || null;
    else if (key === 'max-age') c.maxAge = /^-?\d+$/.test(val) ? Number(val) : c.maxAge;
    else if (key === 'secure') c.secure = true;
    else if (key === 'httponly') c.httpOnly = true;
    else if (key === 'samesite') c.sameSite = val || null;
    else if (key === 'partitioned') c.partitioned = true;
    else c.other.push(a.trim());
  }
  return c;
}

/** Every Set-Cookie header of a response, in arrival order. */
export function responseCookies(headers: ReadonlyArray<readonly [string, string]>): SetCookie[] {
  const out: SetCookie[] = [];
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== 'set-cookie') continue;
    const c = parseSetCookie(v);
    if (c) out.push(c);
  }
  return out;
}

/** When the cookie expires: Max-Age (from `receivedAt`) wins over Expires; null is a session cookie. */
export function cookieExpiry(c: SetCookie, receivedAt: number): { at: number | null; session: boolean; deleted: boolean } {
  if (c.maxAge !== null) return { at: receivedAt + c.maxAge * 1000, session: false, deleted: c.maxAge <= 0 };
  if (c.expires !== null) {
    const at = Date.parse(c.expires);
    if (!Number.isNaN(at)) return { at, session: false, deleted: at <= receivedAt };
  }
  return { at: null, session: true, deleted: false };
}
