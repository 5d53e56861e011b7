import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { SendFailure } from './send-failure';
import type { SendOptions } from '../../shared/model';

function readPath(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new SendFailure('file-not-found', `Cannot read ${what} file ${path}: ${(err as Error).message}`);
  }
}

/** PEM material may be given inline or as a path; a path is read here, once per dispatcher. */
function pem(value: string | undefined, what: string): string | Buffer | undefined {
  if (!value) return undefined;
  return value.includes('-----BEGIN') ? value : readPath(value, what);
}

export function tlsConnectionOptions(tls: SendOptions['tls']): ConnectionOptions {
  const out: ConnectionOptions = { rejectUnauthorized: tls.verify };
  const ca = pem(tls.ca, 'CA');
  if (ca) out.ca = ca;
  const cert = pem(tls.cert, 'client certificate');
  if (cert) out.cert = cert;
  const key = pem(tls.key, 'client key');
  if (key) out.key = key;
  if (tls.pfx) out.pfx = readPath(tls.pfx, 'PFX');
  if (tls.passphrase !== undefined) out.passphrase = tls.passphrase;
  return out;
}
