// app://clearance/… → a file of the built renderer, with the headers a web server would send.
// Pure of Electron: the window's protocol handler and the e2e test's HTTP server both call it,
// so the browser test sees exactly the bytes and headers the desktop window gets.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { Readable } from 'node:stream';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clearance';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * The production policy. No 'unsafe-eval' and nothing remote; Monaco's workers are same-origin
 * module scripts (worker-src 'self'); inline styles stay because React and Monaco set style attributes.
 */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Registered before `ready`: a standard, secure origin (module scripts, workers, storage, fetch). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  // corsEnabled stays off: the bundle is only ever fetched same-origin, and the privilege would let
  // any other origin read it without a CORS check.
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webp': 'image/webp',
  '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppResponse {
  status: 200 | 400 | 403 | 404 | 405;
  headers: Record<string, string>;
  /** the file to send (status 200 only) */
  file?: string;
  /** why it was refused, for the log and the tests */
  reason?: string;
}

// Every answer carries these. The CSP goes on scripts too: a worker takes its policy from its own
// script's response, not from the page that started it.
const BASE_HEADERS = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function refuse(status: AppResponse['status'], reason: string): AppResponse {
  return { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, reason };
}

/** Decodes one path segment; null for a segment that could step out of the folder or name a stream. */
function safeSegment(raw: string): string | null {
  let s: string;
  try {
    s = decodeURIComponent(raw);
  } catch {
    return null; // a malformed %-escape names no file
  }
  if (s === '.' || s === '..' || /[/\\\0:]/.test(s)) return null;
  return s;
}

/**
 * Resolves a request for the bundle under `root`. Refuses (403) anything that could leave it: `..`
 * (also %-encoded), backslashes, NUL, drive letters, and symlinks pointing outside; 404 for the rest
 * that is not a file of the bundle.
 */
export async function resolveAppRequest(requestUrl: string, root: string, method = 'GET'): Promise<AppResponse> {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, `method ${method}`);
  // The raw text first: the URL parser would fold `..` and turn `\` into `/` before we could see them.
  const rawPath = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#].*$/s, '');
  if (/\\|%5c|%00|\0/i.test(rawPath)) return refuse(403, 'backslash or NUL in the path');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, `not ${APP_ORIGIN}`);
  const segments = rawPath === '' || rawPath === '/' ? ['index.html'] : rawPath.split('/').slice(1);
  if (segments[0] === '') return refuse(403, 'an absolute path');
  const parts: string[] = [];
  for (const raw of segments) {
    const seg = safeSegment(raw);
    if (seg === null) return refuse(403, `path segment ${JSON.stringify(raw)} is not allowed`);
    if (seg === '') return refuse(404, 'empty path segment');
    parts.push(seg);
  }
  let realRoot: string;
  let real: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(join(realRoot, ...parts));
  } catch {
    return refuse(404, 'no such file'); // missing file or a dangling link: nothing to serve
  }
  if (!real.startsWith(realRoot + sep)) return refuse(403, 'resolves outside the bundle');
  const info = await stat(real);
  if (!info.isFile()) return refuse(404, 'not a file');
  return {
    status: 200,
    headers: { ...BASE_HEADERS, 'content-type': contentType(real), 'content-length': String(info.size), 'cache-control': 'no-cache' },
    file: real,
  };
}

/** The handler behind protocol.handle('app', …): a fetch Request in, a fetch Response out. */
export async function handleAppRequest(request: Request, root: string): Promise<Response> {
  const r = await resolveAppRequest(request.url, root, request.method);
  if (r.status !== 200 || !r.file) return new Response(`${r.status}: ${r.reason ?? 'refused'}`, { status: r.status, headers: r.headers });
  const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(r.file)) as ReadableStream<Uint8Array>);
  return new Response(body, { status: 200, headers: r.headers });
}
