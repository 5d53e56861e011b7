// The Cookies tab: every Set-Cookie of the response, parsed (name, value, domain, path, expiry,
// flags), with what a browser would do with it (session cookie, deleted, host-only).
import { cookieExpiry, responseCookies, type SetCookie } from '../../../../shared/http/set-cookie';
import type { ResponseRecord } from '../../../../shared/model';
import { countdown } from './use-now';

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : url;
}

function Expiry({ c, receivedAt }: { c: SetCookie; receivedAt: number }) {
  const e = cookieExpiry(c, receivedAt);
  if (e.deleted) return <span className="cookie-deleted" title="Max-Age ≤ 0 or Expires in the past: a browser deletes this cookie">deleted</span>;
  if (e.session) return <span className="muted" title="No Expires or Max-Age: kept until the browser closes">session</span>;
  const at = new Date(e.at!);
  const how = c.maxAge !== null ? `Max-Age=${c.maxAge}` : `Expires=${c.expires}`;
  return <span title={`${how}\n${at.toString()}`}>{at.toLocaleString()} <span className="muted">(in {countdown(e.at! - receivedAt)})</span></span>;
}

function Flags({ c }: { c: SetCookie }) {
  return (
    <span className="cookie-flags">
      {c.secure && <span className="chip" title="Sent only over HTTPS">Secure</span>}
      {c.httpOnly && <span className="chip" title="Not readable from JavaScript">HttpOnly</span>}
      {c.sameSite && <span className="chip" title="Cross-site sending rule">SameSite={c.sameSite}</span>}
      {c.partitioned && <span className="chip" title="Stored per top-level site (CHIPS)">Partitioned</span>}
      {c.other.map((o) => <span key={o} className="chip chip-muted">{o}</span>)}
    </span>
  );
}

export function CookiesView({ record, receivedAt }: { record: ResponseRecord; receivedAt: number }) {
  const cookies = responseCookies(record.headers);
  if (cookies.length === 0) return <p className="empty-note">The response sets no cookies.</p>;
  const host = hostOf(record.url);
  // tabIndex: read-only content, so the keyboard can reach it to scroll it.
  return (
    <div className="scroll-area" tabIndex={0}>
      <table className="data-table cookies-table" aria-label="Cookies">
        <thead><tr><th>Name</th><th>Value</th><th>Domain</th><th>Path</th><th>Expires</th><th>Flags</th></tr></thead>
        <tbody>
          {cookies.map((c, i) => (
            <tr key={i} title={c.raw}>
              <td className="mono cookie-name">{c.name || <span className="muted">(no name)</span>}</td>
              <td className="mono cookie-value">{c.value}</td>
              <td className="mono">{c.domain ?? <span className="muted" title="No Domain attribute: sent back only to this host">{host} (host only)</span>}</td>
              <td className="mono">{c.path ?? <span className="muted" title="No Path attribute: the request path's directory">default</span>}</td>
              <td><Expiry c={c} receivedAt={receivedAt} /></td>
              <td><Flags c={c} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function cookieCount(record: ResponseRecord): number {
  return responseCookies(record.headers).length;
}
