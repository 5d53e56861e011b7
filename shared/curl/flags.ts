// The curl options Clearance understands: long name, short letter, whether it takes a value.

export type FlagId =
  | 'request' | 'header' | 'data' | 'data-raw' | 'data-ascii' | 'data-binary' | 'data-urlencode' | 'json'
  | 'form' | 'form-string' | 'get' | 'head' | 'user' | 'user-agent' | 'referer' | 'cookie' | 'insecure'
  | 'proxy' | 'proxy-user' | 'noproxy' | 'cacert' | 'cert' | 'cert-type' | 'key' | 'pass' | 'compressed'
  | 'location' | 'max-redirs' | 'max-time' | 'connect-timeout' | 'connect-to' | 'resolve' | 'url'
  | 'upload-file' | 'oauth2-bearer' | 'http1.0' | 'http1.1' | 'http2' | 'http2-prior-knowledge' | 'ignore';

export interface FlagDef {
  id: FlagId;
  long: string;
  short?: string;
  takesValue: boolean;
  /** For ignored options that change what curl does: the warning to record. */
  warning?: string;
}

const ACTIVE: Array<[FlagId, string | undefined, boolean]> = [
  ['request', 'X', true], ['header', 'H', true], ['data', 'd', true], ['data-raw', undefined, true],
  ['data-ascii', undefined, true], ['data-binary', undefined, true], ['data-urlencode', undefined, true],
  ['json', undefined, true], ['form', 'F', true], ['form-string', undefined, true], ['get', 'G', false],
  ['head', 'I', false], ['user', 'u', true], ['user-agent', 'A', true], ['referer', 'e', true],
  ['cookie', 'b', true], ['insecure', 'k', false], ['proxy', 'x', true], ['proxy-user', 'U', true],
  ['noproxy', undefined, true], ['cacert', undefined, true], ['cert', 'E', true], ['cert-type', undefined, true],
  ['key', undefined, true], ['pass', undefined, true], ['compressed', undefined, false],
  ['location', 'L', false], ['max-redirs', undefined, true], ['max-time', 'm', true],
  ['connect-timeout', undefined, true], ['connect-to', undefined, true], ['resolve', undefined, true],
  ['url', undefined, true], ['upload-file', 'T', true], ['oauth2-bearer', undefined, true],
  ['http1.0', '0', false], ['http1.1', undefined, false], ['http2', undefined, false], ['http2-prior-knowledge', undefined, false],
];

/** Accepted and ignored: they only change curl's output, logging or TLS versions (--http3 falls back as auto does). */
const IGNORED: Array<[string, string | undefined, boolean, string?]> = [
  ['silent', 's', false], ['show-error', 'S', false], ['verbose', 'v', false], ['include', 'i', false],
  ['output', 'o', true], ['remote-name', 'O', false], ['write-out', 'w', true], ['fail', 'f', false],
  ['fail-with-body', undefined, false], ['globoff', 'g', false], ['http3', undefined, false],
  ['tlsv1', '1', false], ['tlsv1.0', undefined, false], ['tlsv1.1', undefined, false],
  ['tlsv1.2', undefined, false], ['tlsv1.3', undefined, false], ['no-buffer', 'N', false],
  ['path-as-is', undefined, false, '--path-as-is is not supported; the URL path may be normalized'],
  ['raw', undefined, false, '--raw is not supported; transfer decoding always happens'],
  ['ssl-no-revoke', undefined, false], ['progress-bar', '#', false], ['retry', undefined, true],
];

const BY_LONG = new Map<string, FlagDef>();
const BY_SHORT = new Map<string, FlagDef>();

for (const [id, short, takesValue] of ACTIVE) {
  const def: FlagDef = short ? { id, long: id, short, takesValue } : { id, long: id, takesValue };
  BY_LONG.set(id, def);
  if (short) BY_SHORT.set(short, def);
}
for (const [long, short, takesValue, warning] of IGNORED) {
  const def: FlagDef = { id: 'ignore', long, takesValue };
  if (short) def.short = short;
  if (warning) def.warning = warning;
  BY_LONG.set(long, def);
  if (short) BY_SHORT.set(short, def);
}

export function longFlag(name: string): FlagDef | undefined {
  return BY_LONG.get(name);
}

export function shortFlag(letter: string): FlagDef | undefined {
  return BY_SHORT.get(letter);
}
