import type { SendOptionsInput } from '../../../../shared/model';

const secs = (ms: number) => `${ms / 1000} s`;

/**
 * Short phrases for the send options that differ from Clearance's defaults (shown under the URL bar).
 * Default headers switched off are not among them: the Headers tab shows those with their switches.
 */
export function describeOptions(o: SendOptionsInput): string[] {
  const out: string[] = [];
  if (o.redirects?.follow === false) out.push('redirects not followed');
  else if (o.redirects?.follow === true && o.redirects.max === undefined) out.push('follows redirects');
  if (o.redirects?.max !== undefined) out.push(`at most ${o.redirects.max} redirects`);
  if (o.tls?.verify === false) out.push('TLS verification off');
  if (o.tls?.ca !== undefined) out.push('custom CA');
  if (o.tls?.cert !== undefined || o.tls?.pfx !== undefined) out.push('client certificate');
  if (o.proxy) out.push(`proxy ${o.proxy.url}`);
  if (o.timeouts?.totalMs !== undefined) out.push(`timeout ${secs(o.timeouts.totalMs)}`);
  if (o.timeouts?.connectMs !== undefined) out.push(`connect timeout ${secs(o.timeouts.connectMs)}`);
  if (o.decompression?.enabled === false) out.push('no decompression');
  if (o.httpVersion === '1.1') out.push('HTTP/1.1 only');
  else if (o.httpVersion === '2') out.push('HTTP/2 required');
  for (const c of o.connectTo ?? []) out.push(`${c.host}${c.port ? `:${c.port}` : ''} → ${c.toHost}${c.toPort ? `:${c.toPort}` : ''}`);
  return out;
}
