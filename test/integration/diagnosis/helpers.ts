// Shared by the diagnosis tests: a temp workspace from a map of files, the printed fix run by real
// curl, a JWT signed like an issuer would, and the safety checks every scenario asserts at the server.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';

const run = promisify(execFile);

/** A workspace folder with `clearance.yaml` and the given files (path → content). */
export async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'clearance-diag-ws-'));
  await writeFile(join(dir, 'clearance.yaml'), 'clearance: 1\nname: Diagnosis\nid: ws-diagnosis-0001\n');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Runs a printed fix.curl as a user would paste it (bash, real curl); returns the status it got. */
export async function curlStatus(curl: string): Promise<string> {
  const { stdout } = await run('bash', ['-c', `${curl} -s -o /dev/null -w '%{http_code}'`]);
  return stdout;
}

const b64 = (v: object | string): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** An HS256 JWT as an issuer would sign it. */
export function jwt(claims: Record<string, unknown>, secret: string): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Verifies an HS256 JWT's signature; returns its claims or null. */
export function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
  const [h, p, s] = token.split('.');
  if (!h || !p || s === undefined) return null;
  if (createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url') !== s) return null;
  return JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
}

/** Headers that claim another client address or rewrite the route: no probe may add them. */
export const SPOOF = /^(x-forwarded-for|x-forwarded-host|x-real-ip|x-original-url|x-rewrite-url|forwarded|x-client-ip|true-client-ip|x-originating-ip|x-remote-ip|x-remote-addr|x-host|x-http-method-override|cf-connecting-ip)$/i;

export interface Seen { method: string; url: string; headers: Record<string, string | string[] | undefined> }

/** What every diagnosis must hold at the server: the budget (+1 for the baseline), safe methods only unless allowed, no spoofing header. */
export function expectSafe(seen: readonly Seen[], budget: number, opts: { allowed?: string[] } = {}): void {
  const methods = new Set(['GET', 'HEAD', 'OPTIONS', ...(opts.allowed ?? [])]);
  expect(seen.length).toBeLessThanOrEqual(budget + 1);
  expect(seen.filter((s) => !methods.has(s.method)).map((s) => `${s.method} ${s.url}`)).toEqual([]);
  expect(seen.flatMap((s) => Object.keys(s.headers)).filter((h) => SPOOF.test(h))).toEqual([]);
  expect(seen.filter((s) => /(^|\/)\.\.(\/|$)|%2e%2e/i.test(s.url)).map((s) => s.url)).toEqual([]);
}
