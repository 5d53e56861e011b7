// The fix as a complete curl command: the user's request with the change that succeeded, every
// header as it went out (the engine's User-Agent and Accept included, so curl sends the same
// request) and the real credentials, so it runs as printed. Reports and history redact it; this
// string is for the user's own terminal.
import { toCurl } from '../../shared/curl';
import type { PreparedRequest } from '../pipeline/prepared';

export function fixCurl(p: PreparedRequest, opts: { proxyRemoved?: boolean } = {}): string {
  // Accept-Encoding stays out: curl decodes only with --compressed, which toCurl adds when asked.
  const headers = p.headers.filter((h) => h.name.toLowerCase() !== 'accept-encoding').map((h) => ({ name: h.name, value: h.value, enabled: true }));
  if (p.host !== undefined) headers.unshift({ name: 'Host', value: p.host, enabled: true });
  const cmd = toCurl({ method: p.method, url: p.url, params: p.params, headers, body: p.body }, p.options, { multiline: true });
  // The fix is "without the proxy": curl would still take one from http_proxy/https_proxy, so say none.
  const full = opts.proxyRemoved ? `${cmd} \\\n  --noproxy '*'` : cmd;
  return p.key?.deferred ? `# key "${p.key.name}" is ${p.key.deferred === 'signature' ? 'signed' : 'applied'} at send time: send it with clearance\n${full}` : full;
}
