import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Paths (and PEM text) of certificates generated with openssl for one test file. */
export interface TestCerts {
  dir: string;
  caPath: string;
  caPem: string;
  /** leaf for localhost + 127.0.0.1, signed by the CA */
  server: { cert: string; key: string };
  /** same names, notAfter in the past */
  expired: { cert: string; key: string };
  /** valid, signed by the CA, but for wrong.example only */
  wrongHost: { cert: string; key: string };
  /** self-signed leaf for localhost + 127.0.0.1 */
  selfSigned: { cert: string; key: string };
  /** client certificate signed by the CA */
  client: { cert: string; key: string; pfx: string; passphrase: string };
  cleanup: () => void;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function leaf(dir: string, name: string, cn: string, san: string, days: string, ext = 'serverAuth'): { cert: string; key: string } {
  openssl(dir, ['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
  writeFileSync(join(dir, `${name}.ext`), `${san ? `subjectAltName=${san}\n` : ''}extendedKeyUsage=${ext}\nbasicConstraints=CA:FALSE\n`);
  // A negative -days gives a notAfter in the past: an expired certificate without faketime.
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(Math.floor(Math.random() * 1e9)),
    '-days', days, '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
  return { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
}

export function makeCerts(): TestCerts {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-certs-'));
  openssl(dir, ['req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=Clearance Test CA', '-days', '2']);
  const san = 'DNS:localhost,IP:127.0.0.1';
  const server = leaf(dir, 'server', 'localhost', san, '2');
  const expired = leaf(dir, 'expired', 'localhost', san, '-1');
  const wrongHost = leaf(dir, 'wrong', 'wrong.example', 'DNS:wrong.example', '2');
  const client = leaf(dir, 'client', 'clearance-client', '', '2', 'clientAuth');
  openssl(dir, ['req', '-x509', ...EC, '-keyout', 'self.key', '-out', 'self.pem', '-subj', '/CN=localhost', '-days', '2',
    '-addext', `subjectAltName=${san}`]);
  const passphrase = 'pfx-secret';
  openssl(dir, ['pkcs12', '-export', '-in', 'client.pem', '-inkey', 'client.key', '-out', 'client.p12', '-passout', `pass:${passphrase}`]);
  return {
    dir,
    caPath: join(dir, 'ca.pem'),
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    server, expired, wrongHost,
    selfSigned: { cert: join(dir, 'self.pem'), key: join(dir, 'self.key') },
    client: { ...client, pfx: join(dir, 'client.p12'), passphrase },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
