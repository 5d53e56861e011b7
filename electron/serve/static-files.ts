import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, relative, isAbsolute } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.map': 'application/json',
};

/** Serves the built renderer; paths are confined to `root`. Returns false when nothing matched. */
export async function serveStatic(root: string, pathname: string, res: ServerResponse, headers: Record<string, string>): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false; // a malformed %-escape names no file: 404
  }
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const file = join(root, rel);
  const back = relative(root, file);
  if (back.startsWith('..') || isAbsolute(back)) return false;
  const info = await stat(file).catch(() => null); // no such file: 404
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    ...headers,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
  return true;
}
