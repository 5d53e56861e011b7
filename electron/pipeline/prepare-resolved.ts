// The heart of prepare(): a request whose variables are resolved, plus its key and gateway
// profiles, becomes the PreparedRequest — gateway rewrite and headers, the host binding check, the
// key's header or query parameter, and every header layered with its origin exactly as the engine
// will send it (a later layer wins over a same-named earlier one).
import { applyGateway, applyKey, baseHeaders, buildUrl, checkRequest, normalizeRequest, SendFailure } from '../engine';
import { matchHostBinding } from '../../shared/profiles';
import type { KeyProfile, KeyValue, ResolvedSecrets, SendOptionsInput, WireHeader } from '../../shared/model';
import type { ResolvedRequest } from '../../shared/variables/resolve-request';
import type { DeferredAuth, PreparedKey, PreparedRequest } from './prepared';
import type { LoadedThrough } from './profile-through';

export interface PrepareResolvedInput {
  resolved: ResolvedRequest;
  through: LoadedThrough;
  /** request-file options merged with the caller's */
  options?: SendOptionsInput | undefined;
  /** environment secret values, for redaction */
  envSecrets?: readonly string[];
  source?: PreparedRequest['source'];
  /** secrets are `{{name}}` placeholders (exports): problems become notes instead of errors */
  placeholders?: boolean;
}

const DEFERRED: Partial<Record<KeyProfile['kind'], DeferredAuth>> = {
  'aws-sigv4': 'signature',
  'oauth2-client-credentials': 'token',
  digest: 'challenge',
};

function bindingOf(key: KeyProfile, url: URL): string | null {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return matchHostBinding(key.hosts, { host: url.hostname, port });
}

function mismatch(key: KeyProfile, url: URL): SendFailure {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return new SendFailure('key-host-mismatch',
    `Key profile "${key.name}" is bound to ${key.hosts.join(', ')}; refusing to send it to ${url.hostname}:${port} (${url.origin})`);
}

/** The header names a key sets (a header of the same name the request wrote is replaced by it). */
export function keyHeaderNames(key: KeyProfile): string[] {
  switch (key.kind) {
    case 'api-key': return key.in === 'query' ? [] : [key.param];
    case 'custom-headers': return key.headers.map((h) => h.name);
    default: return ['Authorization'];
  }
}

/** A Basic header cannot be encoded around a placeholder: say what it stands for instead. */
function placeholderEdits(key: KeyProfile, secrets: ResolvedSecrets): { headers: WireHeader[]; query: Array<{ name: string; value: string }> } | null {
  if (key.kind !== 'basic') return null;
  return { headers: [{ name: 'Authorization', value: `Basic <base64 of "${key.username}:${secrets.password ?? ''}">`, origin: 'auth' }], query: [] };
}

/** Static key kinds (api-key, bearer, basic, custom headers) are placed now; the others at send time. */
async function placeKey(key: KeyProfile, secrets: ResolvedSecrets, placeholders: boolean): Promise<{ headers: WireHeader[]; query: Array<{ name: string; value: string }> }> {
  if (DEFERRED[key.kind]) return { headers: [], query: [] };
  const shown = placeholders ? placeholderEdits(key, secrets) : null;
  if (shown) return shown;
  const edits = await applyKey(key, secrets, { send: () => Promise.reject(new Error('static keys send nothing')), ctx: {}, now: Date.now });
  return { headers: edits.headers, query: edits.query };
}

/** Builds the PreparedRequest; throws (invalid URL, header, key-host-mismatch...) unless preparing an export. */
export async function prepareResolved(input: PrepareResolvedInput): Promise<PreparedRequest> {
  const { resolved, through } = input;
  const placeholders = input.placeholders === true;
  // Unresolved names make the URL or headers meaningless: report them (sendPrepared refuses), do not throw here.
  const strict = !placeholders && resolved.unresolved.length === 0;
  const spec = normalizeRequest(resolved.request);
  const plan = applyGateway(through.gateway, through.gatewaySecrets ?? {}, spec.url, input.options);
  const notes = [...plan.notes];
  const params: KeyValue[] = spec.params.filter((p) => p.enabled !== false).map((p) => ({ name: p.name, value: p.value, enabled: true }));
  if (strict) checkRequest(spec);

  let key: PreparedKey | undefined;
  let keyHeaders: WireHeader[] = [];
  if (through.key) {
    const k = through.key;
    let url: URL | null = null;
    try {
      url = buildUrl(plan.url, params);
    } catch (err) {
      if (strict) throw err;
      notes.push(`Key "${k.name}" not placed: the URL is not complete yet (${(err as Error).message})`);
    }
    const boundTo = url ? bindingOf(k, url) : null;
    if (url && boundTo === null) {
      if (strict) throw mismatch(k, url);
      notes.push(mismatch(k, url).message);
    }
    if (url && boundTo !== null) {
      notes.push(`Key "${k.name}" (${k.kind}) is bound to ${boundTo}: sent to ${url.host}`);
      const secrets = through.keySecrets ?? {};
      const edits = await placeKey(k, secrets, placeholders);
      keyHeaders = edits.headers;
      for (const q of edits.query) params.push({ name: q.name, value: q.value, enabled: true });
      const deferred = DEFERRED[k.kind];
      key = { name: k.name, kind: k.kind, profile: k, secrets, boundTo, ...(deferred ? { deferred } : {}),
        ...(edits.query.length ? { queryParams: edits.query.map((q) => q.name) } : {}) };
    }
  } else if (strict) {
    buildUrl(plan.url, params);
  }

  const injected: WireHeader[] = [...resolved.injectedHeaders.map((h) => ({ ...h })), ...plan.headers, ...keyHeaders];
  const options: SendOptionsInput = plan.options ?? {};
  const base = baseHeaders(spec.headers, injected, options.decompression?.enabled !== false, options.omitDefaultHeaders);
  // One shape, optional fields assigned when present (no conditional spreads: this runs per request).
  const prepared: PreparedRequest = {
    method: spec.method.toUpperCase(),
    url: plan.url,
    params,
    headers: base.list,
    ignored: base.ignored,
    userContentType: base.userContentType,
    body: spec.body,
    options,
    notes,
    secrets: [...(input.envSecrets ?? []), ...through.secrets],
    used: resolved.used,
    unresolved: resolved.unresolved,
    placeholders,
  };
  if (base.host !== undefined) prepared.host = base.host;
  if (key) prepared.key = key;
  if (through.gateway) prepared.gateway = { name: through.gateway.name, profile: through.gateway };
  if (input.source) prepared.source = input.source;
  return prepared;
}
