// Merges a gateway profile's proxy, TLS and timeouts into the caller's send options.
import { secretOf } from '../auth/secrets';
import type { GatewayProfile, ResolvedSecrets, SendOptionsInput } from '../../../shared/model';

type TlsInput = NonNullable<SendOptionsInput['tls']>;
type TimeoutsInput = NonNullable<SendOptionsInput['timeouts']>;

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The options to send with, plus one line per thing the gateway changed. */
export function mergeGatewayOptions(gateway: GatewayProfile, secrets: ResolvedSecrets, base: SendOptionsInput | undefined): { options: SendOptionsInput; notes: string[] } {
  const options: SendOptionsInput = { ...base };
  const notes: string[] = [];
  if (gateway.proxy) {
    const p = gateway.proxy;
    const password = p.password ? secretOf(secrets, 'proxy.password', gateway.name, 'Gateway') : undefined;
    options.proxy = { url: p.url, noProxy: p.noProxy, ...(p.username !== undefined ? { username: p.username } : {}), ...(password !== undefined ? { password } : {}) };
    notes.push(`forward proxy ${p.url.replace(/\/$/, '')}${p.username ? ` as ${p.username}` : ''}${p.noProxy.length ? ` (direct for ${p.noProxy.join(', ')})` : ''}`);
  }
  if (gateway.tls) {
    const t = gateway.tls;
    const passphrase = t.passphrase ? secretOf(secrets, 'tls.passphrase', gateway.name, 'Gateway') : undefined;
    const tls: TlsInput = { ...base?.tls, ...defined({ verify: t.verify, ca: t.ca, cert: t.cert, key: t.key, pfx: t.pfx, servername: t.servername, passphrase }) };
    options.tls = tls;
    const parts = [
      t.cert || t.pfx ? 'client certificate' : '', t.ca ? 'custom CA' : '', t.servername ? `servername ${t.servername}` : '', t.verify ? '' : 'verification off',
    ].filter(Boolean);
    if (parts.length) notes.push(`TLS: ${parts.join(', ')}`);
  }
  if (gateway.timeouts) {
    const t = defined(gateway.timeouts);
    if (Object.keys(t).length) {
      options.timeouts = { ...base?.timeouts, ...t } as TimeoutsInput;
      notes.push(`timeouts ${Object.entries(t).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    }
  }
  return { options, notes };
}
