// The message slot of a servlet container's stock error page. Tomcat, Jetty and the containers built
// on them render an application's HttpServletResponse.sendError(status, message) inside their own
// template, so the template names the container while the slot holds the app's reason. explain()
// skips the generic words for a template page (its fixed text would read as a cause); it reads this
// slot with them instead. Sources: Spring Security's "Expected CSRF token not found" and "Invalid
// CSRF Token" in Tomcat's page (spring-security/csrf-expected-token-tomcat-page), a CsrfFilter's
// sendError(403, "…a valid CSRF token was not provided…") (github.com/CESNET/perun/pull/3456), Nuxeo's
// sendError(SC_FORBIDDEN, "CSRF check failure") (github.com/nuxeo/nuxeo/pull/2536); the slots as the
// containers write them: Tomcat ≤ 7 "<b>message</b> <u>…</u>" and "<h1>HTTP Status 403 - …</h1>",
// its text copy "HTTP Status 403 - …", Tomcat ≥ 8.5 "<p><b>Message</b> …</p>" (ErrorReportValve), Jetty "<th>MESSAGE:</th><td>…</td>",
// "<h2>HTTP ERROR 403 …</h2>" and "Reason:\n<pre>    …</pre>" (ErrorHandler).

const SLOTS: RegExp[] = [
  /<b>message<\/b>\s{0,3}(?:<u>)?([^<]{1,400})/i,
  /(?:<h1>|^)HTTP Status \d{3} [-–] ([^<\n]{1,400})(?:<\/h1>|$)/im,
  /<th>MESSAGE:<\/th>\s{0,3}<td>([^<]{1,400})<\/td>/i,
  /<h2>HTTP ERROR:? \d{3}\s{1,3}([^<]{1,400})<\/h2>/i,
  /\bReason:\s{0,5}<pre>\s{0,8}([^<]{1,400})<\/pre>/i,
];

/** A status's reason phrase only: the container's own words, not the app's. */
const REASON_PHRASE = /^(?:forbidden|unauthori[sz]ed|not found|bad request|access denied|too many requests|method not allowed|internal server error|status report|)$/i;

/** The application's messages written into a stock container page, joined; '' when none. */
export function stockPageMessage(body: string): string {
  if (!/<(?:b|h1|th|h2|pre)>|HTTP Status \d/i.test(body)) return '';
  const out: string[] = [];
  for (const re of SLOTS) {
    const m = re.exec(body);
    const text = m?.[1]?.replace(/&#39;|&apos;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
    if (text && !REASON_PHRASE.test(text) && !out.includes(text)) out.push(text);
  }
  return out.join('\n');
}
