// The window's guards as Electron would call them: handlers recorded from a stand-in web contents
// and session, then called with sample inputs (navigations, new windows, permissions, webviews).
import { describe, expect, it, vi } from 'vitest';
import { CSP } from '../../electron/main/app-protocol';
import { externalLinkTarget, guardContents, guardSession, isAppUrl } from '../../electron/main/guards';

type Fn = (...a: unknown[]) => unknown;

function recordingContents(url = 'app://clearance/index.html') {
  const on: Record<string, Fn> = {};
  let openHandler: Fn | undefined;
  const wc = {
    on: (event: string, fn: Fn) => { on[event] = fn; },
    setWindowOpenHandler: (fn: Fn) => { openHandler = fn; },
    getURL: () => url,
  };
  return { wc, on, open: (u: string) => openHandler!({ url: u }) };
}

function navigation(url: string) {
  const preventDefault = vi.fn();
  return { event: { url, preventDefault }, prevented: () => preventDefault.mock.calls.length > 0 };
}

describe('navigation, redirects, frames and webviews', () => {
  it('stays on app://clearance; anything else is prevented', () => {
    const { wc, on } = recordingContents();
    guardContents(wc as never, { openExternal: vi.fn() });
    expect(Object.keys(on).sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    for (const ev of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const foreign of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://localhost:5173/', 'javascript:alert(1)', 'not a url']) {
        const n = navigation(foreign);
        on[ev]!(n.event);
        expect(n.prevented(), `${ev} ${foreign}`).toBe(true);
      }
      const home = navigation('app://clearance/index.html#/history');
      on[ev]!(home.event);
      expect(home.prevented(), ev).toBe(false);
    }
    const webview = navigation('');
    on['will-attach-webview']!(webview.event, {}, {});
    expect(webview.prevented()).toBe(true);
  });

  it('in development the dev server origin is home too, and only its origin', () => {
    const { wc, on } = recordingContents();
    guardContents(wc as never, { devUrl: 'http://localhost:5173/', openExternal: vi.fn() });
    const hmr = navigation('http://localhost:5173/?t=1');
    on['will-navigate']!(hmr.event);
    expect(hmr.prevented()).toBe(false);
    const lookalike = navigation('http://localhost:5173.evil.example/');
    on['will-navigate']!(lookalike.event);
    expect(lookalike.prevented()).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('new windows', () => {
  it('are always denied; a checked http(s) link goes to the OS browser, nothing else does', () => {
    const openExternal = vi.fn();
    const { wc, open } = recordingContents();
    guardContents(wc as never, { openExternal });
    expect(open('https://docs.example/guide?x=1')).toEqual({ action: 'deny' });
    expect(open('http://127.0.0.1:8080/')).toEqual({ action: 'deny' });
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@docs.example/', 'app://clearance/index.html', 'ms-msdt:/id', 'not a url']) {
      expect(open(bad), bad).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://docs.example/guide?x=1'], ['http://127.0.0.1:8080/']]);
    expect(externalLinkTarget('HTTPS://Docs.Example')).toBe('https://docs.example/');
  });
});

describe('session', () => {
  function recordingSession() {
    const h: { request?: Fn; check?: Fn; headers?: Fn } = {};
    const ses = {
      setPermissionRequestHandler: (fn: Fn) => { h.request = fn; },
      setPermissionCheckHandler: (fn: Fn) => { h.check = fn; },
      webRequest: { onHeadersReceived: (fn: Fn) => { h.headers = fn; } },
    };
    guardSession(ses as never);
    return h;
  }

  it('denies permission requests and checks, except clipboard writes from the app itself', () => {
    const h = recordingSession();
    const ask = (perm: string, requestingUrl: string) => {
      let granted: unknown;
      h.request!(recordingContents(requestingUrl).wc, perm, (ok: boolean) => { granted = ok; }, { requestingUrl, isMainFrame: true });
      return granted;
    };
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect(ask(perm, 'app://clearance/index.html'), perm).toBe(false);
      expect(h.check!(null, perm, 'app://clearance', {}), perm).toBe(false);
    }
    expect(ask('clipboard-sanitized-write', 'app://clearance/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(h.check!(null, 'clipboard-sanitized-write', 'app://clearance', {})).toBe(true);
    expect(h.check!(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('puts the production CSP on every response of the session (the dev server sends none)', () => {
    const h = recordingSession();
    let out: { responseHeaders: Record<string, string[]> } | undefined;
    h.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r: typeof out) => { out = r; });
    expect(out!.responseHeaders).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] });
  });
});
