// What the window may do beyond showing the bundle: nothing, except opening a checked http(s) link
// in the user's browser and writing to the clipboard. Decisions are plain functions; the two
// `guard*` functions only attach them to Electron objects.
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME, CSP } from './app-protocol';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null; // not a URL: treated as foreign by every caller
  }
}

/** The app's own pages: app://clearance/… or, in development, the dev server's origin. */
export function isAppUrl(url: string, devUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  const dev = devUrl ? parse(devUrl) : null;
  return dev !== null && u.origin === dev.origin;
}

/** The address to give the OS browser, or null: http(s) only, a host, no credentials in it. */
export function externalLinkTarget(url: string): string | null {
  const u = parse(url);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  if (!u.hostname || u.username || u.password) return null;
  return u.href;
}

/** A new window is never opened; a checked external link goes to the browser instead. */
export function decideWindowOpen(url: string, openExternal: (url: string) => unknown): { action: 'deny' } {
  const target = externalLinkTarget(url);
  if (target) openExternal(target);
  return { action: 'deny' };
}

/** Copy buttons write to the clipboard; every other permission (camera, geolocation, notifications…) is refused. */
const GRANTED = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string, devUrl?: string): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl, devUrl);
}

export interface GuardOptions {
  devUrl?: string;
  openExternal(url: string): unknown;
}

/** Every web contents: no navigation or redirect away from the app, no new windows, no webviews. */
export function guardContents(wc: WebContents, opts: GuardOptions): void {
  const stayHome = (e: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(e.url, opts.devUrl)) e.preventDefault();
  };
  wc.on('will-navigate', stayHome);
  wc.on('will-frame-navigate', stayHome);
  wc.on('will-redirect', stayHome);
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(({ url }) => decideWindowOpen(url, opts.openExternal));
}

/** The session: permissions denied (request and check), the CSP on every response. */
export function guardSession(ses: Session, devUrl?: string): void {
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl ?? wc.getURL(), devUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, devUrl));
  // app:// answers carry the CSP already; this covers the dev server, which sends none.
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The scanner reads literal policies only; this one is app-protocol.ts's CSP, checked in its tests.
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [CSP] }; // eng-disable CSP_GLOBAL_CHECK
    callback({ responseHeaders: headers });
  });
}
