// The one entry point when key or gateway profiles are involved: gateway rewrite and options,
// host binding (refused before anything is sent), key placement or signing, then the engine's send.
import { applyKey, type AuthEdits, type FinalRequest } from './auth';
import { applyGateway } from './gateway/apply';
import { send, type SendContext } from './send';
import { SendFailure } from './send-failure';
import { buildUrl, checkRequest, normalizeRequest } from './validate';
import { GatewayProfileSchema, KeyProfileSchema } from '../../shared/model';
import { matchHostBinding } from '../../shared/profiles';
import type {
  Body, GatewayProfile, GatewayProfileInput, KeyProfile, KeyProfileInput, RequestSpec, RequestSpecInput,
  ResolvedSecrets, ResponseRecord, SendOptionsInput, TimelineEvent, WireHeader,
} from '../../shared/model';

export interface Through {
  key?: KeyProfile | KeyProfileInput;
  /** the key's secrets, resolved by the caller (keychain or env) */
  keySecrets?: ResolvedSecrets;
  gateway?: GatewayProfile | GatewayProfileInput;
  gatewaySecrets?: ResolvedSecrets;
  options?: SendOptionsInput;
  /** clock for signatures and token expiry (default Date.now) */
  now?: () => number;
}

function parseProfile<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new SendFailure('invalid-options', `${what} profile is invalid: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem'}`);
}

function engineContentType(body: Body): string | undefined {
  switch (body.kind) {
    case 'json': return 'application/json';
    case 'text': return body.contentType ?? 'text/plain; charset=utf-8';
    case 'form': return 'application/x-www-form-urlencoded';
    case 'binary': return body.contentType ?? 'application/octet-stream';
    default: return undefined;
  }
}

/** Every header that will be sent, user rows first, later layers winning on the same name. */
function finalHeaders(spec: RequestSpec, injected: readonly WireHeader[]): Array<{ name: string; value: string }> {
  const names = new Set(injected.map((h) => h.name.toLowerCase()));
  const user = spec.headers.filter((h) => h.enabled !== false && !names.has(h.name.toLowerCase())).map((h) => ({ name: h.name, value: h.value }));
  return [...user, ...injected.map((h) => ({ name: h.name, value: h.value }))];
}

function checkBinding(key: KeyProfile, url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const matched = matchHostBinding(key.hosts, { host: url.hostname, port });
  if (matched === null) {
    throw new SendFailure('key-host-mismatch',
      `Key profile "${key.name}" is bound to ${key.hosts.join(', ')}; refusing to send it to ${url.hostname}:${port} (${url.origin})`);
  }
  return matched;
}

/**
 * Sends `request` through a gateway profile with a key profile. Refuses before sending when the
 * (rewritten) host is not bound to the key; the engine drops the key's headers (origin 'auth') on
 * redirects to another origin.
 */
export async function sendThrough(request: RequestSpec | RequestSpecInput, through: Through, ctx: SendContext = {}): Promise<ResponseRecord> {
  const key = through.key ? parseProfile<KeyProfile>(KeyProfileSchema, through.key, 'Key') : undefined;
  const gateway = through.gateway ? parseProfile<GatewayProfile>(GatewayProfileSchema, through.gateway, 'Gateway') : undefined;
  const now = through.now ?? Date.now;
  const spec0 = normalizeRequest(request);
  const plan = applyGateway(gateway, through.gatewaySecrets ?? {}, spec0.url, through.options);
  let spec: RequestSpec = { ...spec0, url: plan.url };
  let url = buildUrl(spec.url, spec.params);
  checkRequest(spec);
  const notes = [...plan.notes];

  let edits: AuthEdits = { headers: [], query: [] };
  if (key) {
    const matched = checkBinding(key, url);
    notes.push(`Key "${key.name}" (${key.kind}) is bound to ${matched}: sent to ${url.host}`);
    edits = await applyKey(key, through.keySecrets ?? {}, { send, options: through.options, ctx, now });
    if (edits.query.length) {
      spec = { ...spec, params: [...spec.params, ...edits.query.map((q) => ({ ...q, enabled: true }))] };
      url = buildUrl(spec.url, spec.params);
    }
  }

  const injected: WireHeader[] = [...(ctx.injectedHeaders ?? []), ...plan.headers, ...edits.headers];
  const finalOf = (extra: readonly WireHeader[]): FinalRequest => ({
    method: spec.method.toUpperCase(), url, headers: finalHeaders(spec, [...injected, ...extra]), contentType: engineContentType(spec.body), body: spec.body,
  });
  if (edits.sign) injected.push(...(await edits.sign(finalOf([]))));

  const events: TimelineEvent[] = notes.map((message) => ({ type: 'info', t: 0, message }));
  for (const e of events) ctx.onEvent?.(e);
  const run = (headers: WireHeader[]): Promise<ResponseRecord> => send(spec, plan.options, { ...ctx, injectedHeaders: headers });
  let record = await run(injected);
  if (record.status === 401 && edits.retryOn401) {
    const more = await edits.retryOn401(record, finalOf([]));
    if (more) {
      const names = new Set(more.map((h) => h.name.toLowerCase()));
      const retry: TimelineEvent = { type: 'info', t: record.timings.total, message: `Key "${key!.name}": answered the 401 challenge, sent again with ${more.map((h) => h.name).join(', ')}` };
      ctx.onEvent?.(retry);
      events.push(retry);
      record = await run([...injected.filter((h) => !names.has(h.name.toLowerCase())), ...more]);
    }
  }
  return { ...record, timeline: [...events, ...record.timeline] };
}
