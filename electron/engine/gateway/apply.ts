// Applies a gateway profile: URL rewrite, proxy/TLS/timeouts, the headers it needs.
import { mergeGatewayOptions } from './options';
import { secretOf } from '../auth/secrets';
import { rewriteUrl } from '../../../shared/profiles';
import type { GatewayProfile, ResolvedSecrets, SendOptionsInput, WireHeader } from '../../../shared/model';

export interface GatewayPlan {
  /** the URL to send (rewritten or as written) */
  url: string;
  options: SendOptionsInput | undefined;
  /** headers with origin 'gateway' */
  headers: WireHeader[];
  /** what the gateway did, one timeline `info` message each */
  notes: string[];
}

export function applyGateway(gateway: GatewayProfile | undefined, secrets: ResolvedSecrets, url: string, options: SendOptionsInput | undefined): GatewayPlan {
  if (!gateway) return { url, options, headers: [], notes: [] };
  const notes: string[] = [];
  let out = url;
  if (gateway.rewrite) {
    const r = rewriteUrl(url, gateway.rewrite, gateway.name);
    out = r.url;
    notes.push(r.description);
  }
  const merged = mergeGatewayOptions(gateway, secrets, options);
  const headers: WireHeader[] = gateway.headers.map((h) => (typeof h.value === 'string'
    ? { name: h.name, value: h.value, origin: 'gateway' }
    : { name: h.name, value: secretOf(secrets, `headers.${h.name}`, gateway.name, 'Gateway'), origin: 'gateway', sensitive: true }));
  const extras = [...merged.notes];
  if (headers.length) extras.push(`headers ${headers.map((h) => h.name).join(', ')}`);
  if (extras.length) notes.push(`Gateway "${gateway.name}": ${extras.join('; ')}`);
  if (!gateway.rewrite && extras.length === 0) notes.push(`Gateway "${gateway.name}": direct, nothing changed`);
  return { url: out, options: merged.options, headers, notes };
}
