// The settings' part in a send: HTTP version, proxy and extra CA as defaults that the request (its
// file, a pasted curl command's flags, the tab) overrides field by field.
import { readFile, stat } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import type { Settings } from '../../shared/contract/settings';
import type { SendOptionsInput } from '../../shared/model';
import { SendFailure } from '../engine/send-failure';

let bundle: { path: string; mtimeMs: number; pem: string } | null = null;

/**
 * The CA file's certificates added to Node's built-in ones (a bare `ca` would replace them, and every
 * public site would fail). Read again only when the file changes.
 */
async function caBundle(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new SendFailure('file-not-found', `Cannot read the CA file set in Settings, ${path}: ${(err as Error).message}`);
  }
  if (bundle?.path === path && bundle.mtimeMs === info.mtimeMs) return bundle.pem;
  const own = await readFile(path, 'utf8');
  if (!own.includes('-----BEGIN CERTIFICATE-----')) {
    throw new SendFailure('file-not-found', `The CA file set in Settings, ${path}, holds no PEM certificate`);
  }
  bundle = { path, mtimeMs: info.mtimeMs, pem: `${rootCertificates.join('\n')}\n${own}` };
  return bundle.pem;
}

/** The send options the settings ask for (nothing for 'auto', no proxy, no CA file). */
export async function sendDefaults(s: Settings): Promise<SendOptionsInput> {
  return {
    ...(s.httpVersion !== 'auto' ? { httpVersion: s.httpVersion } : {}),
    ...(s.proxy ? { proxy: { url: s.proxy.url, noProxy: s.proxy.noProxy } } : {}),
    ...(s.caFile ? { tls: { ca: await caBundle(s.caFile) } } : {}),
  };
}
