// A key profile as the editor holds it (plain strings, every kind's fields kept while switching
// kinds) and back. Secret values typed by the user never enter the profile: they go to setSecret.
import { HostPatternSchema, KeyProfileSchema, type KeyKind, type KeyProfile, type KeyProfileInput, type SecretRef } from '../../../../shared/model';

export interface HeaderRow { name: string; value: string; secret: boolean; env: string }

export interface KeyForm {
  name: string; kind: KeyKind; description: string; owner: string; tenant: string;
  hosts: string[]; scopes: string; expires: string;
  in: 'header' | 'query'; param: string; prefix: string; scheme: string; username: string;
  tokenUrl: string; clientId: string; scope: string; audience: string; clientAuth: 'basic' | 'body';
  accessKeyId: string; service: string; region: string; withSessionToken: boolean;
  headers: HeaderRow[];
  /** env var name per secret field (`key`, `token`, `headers.X-Tenant`...) */
  env: Record<string, string>;
}

export const KIND_LABELS: Record<KeyKind, string> = {
  'api-key': 'API key (header or query)', bearer: 'Bearer token', basic: 'Basic', digest: 'Digest',
  'oauth2-client-credentials': 'OAuth 2 client credentials', 'aws-sigv4': 'AWS SigV4', 'custom-headers': 'Custom headers',
};

export function emptyKeyForm(): KeyForm {
  return {
    name: '', kind: 'api-key', description: '', owner: '', tenant: '', hosts: [''], scopes: '', expires: '',
    in: 'header', param: 'x-api-key', prefix: '', scheme: 'Bearer', username: '', tokenUrl: '', clientId: '', scope: '', audience: '',
    clientAuth: 'basic', accessKeyId: '', service: 'execute-api', region: '', withSessionToken: false,
    headers: [{ name: '', value: '', secret: false, env: '' }], env: {},
  };
}

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
const opt = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});

/** The secret fields the form's kind has, in display order. */
export function formSecretFields(f: KeyForm): Array<{ field: string; label: string }> {
  switch (f.kind) {
    case 'api-key': return [{ field: 'key', label: 'Key' }];
    case 'bearer': return [{ field: 'token', label: 'Token' }];
    case 'basic': case 'digest': return [{ field: 'password', label: 'Password' }];
    case 'oauth2-client-credentials': return [{ field: 'clientSecret', label: 'Client secret' }];
    case 'aws-sigv4': return [{ field: 'secretAccessKey', label: 'Secret access key' }, ...(f.withSessionToken ? [{ field: 'sessionToken', label: 'Session token' }] : [])];
    case 'custom-headers': return f.headers.filter((h) => h.secret && h.name.trim()).map((h) => ({ field: `headers.${h.name.trim()}`, label: h.name.trim() }));
  }
}

function ref(f: KeyForm, field: string): SecretRef {
  const env = f.env[field]?.trim();
  return env ? { secret: true, env } : { secret: true };
}

export function profileFromForm(f: KeyForm): KeyProfileInput {
  const meta = {
    name: f.name.trim(), ...opt('description', f.description), ...opt('owner', f.owner), ...opt('tenant', f.tenant),
    hosts: f.hosts.map((h) => h.trim()).filter(Boolean), scopes: words(f.scopes), ...opt('expires', f.expires),
  };
  switch (f.kind) {
    case 'api-key': return { ...meta, kind: 'api-key', in: f.in, param: f.param.trim(), prefix: f.prefix, key: ref(f, 'key') };
    case 'bearer': return { ...meta, kind: 'bearer', scheme: f.scheme.trim() || 'Bearer', token: ref(f, 'token') };
    case 'basic': case 'digest': return { ...meta, kind: f.kind, username: f.username, password: ref(f, 'password') };
    case 'oauth2-client-credentials':
      return { ...meta, kind: 'oauth2-client-credentials', tokenUrl: f.tokenUrl.trim(), clientId: f.clientId.trim(), clientSecret: ref(f, 'clientSecret'),
        scope: words(f.scope), ...opt('audience', f.audience), clientAuth: f.clientAuth };
    case 'aws-sigv4':
      return { ...meta, kind: 'aws-sigv4', accessKeyId: f.accessKeyId.trim(), secretAccessKey: ref(f, 'secretAccessKey'),
        ...(f.withSessionToken ? { sessionToken: ref(f, 'sessionToken') } : {}), service: f.service.trim(), region: f.region.trim() };
    case 'custom-headers':
      return { ...meta, kind: 'custom-headers', headers: f.headers.filter((h) => h.name.trim()).map((h) => ({
        name: h.name.trim(), value: h.secret ? ref(f, `headers.${h.name.trim()}`) : h.value })) };
  }
}

export function formFromProfile(p: KeyProfile): KeyForm {
  const f: KeyForm = {
    ...emptyKeyForm(), name: p.name, kind: p.kind, description: p.description ?? '', owner: p.owner ?? '', tenant: p.tenant ?? '',
    hosts: [...p.hosts], scopes: p.scopes.join(' '), expires: p.expires ?? '',
  };
  const env = (field: string, r: SecretRef | undefined) => { if (r?.env) f.env[field] = r.env; };
  switch (p.kind) {
    case 'api-key': Object.assign(f, { in: p.in, param: p.param, prefix: p.prefix }); env('key', p.key); break;
    case 'bearer': f.scheme = p.scheme; env('token', p.token); break;
    case 'basic': case 'digest': f.username = p.username; env('password', p.password); break;
    case 'oauth2-client-credentials':
      Object.assign(f, { tokenUrl: p.tokenUrl, clientId: p.clientId, scope: p.scope.join(' '), audience: p.audience ?? '', clientAuth: p.clientAuth });
      env('clientSecret', p.clientSecret); break;
    case 'aws-sigv4':
      Object.assign(f, { accessKeyId: p.accessKeyId, service: p.service, region: p.region, withSessionToken: !!p.sessionToken });
      env('secretAccessKey', p.secretAccessKey); env('sessionToken', p.sessionToken); break;
    case 'custom-headers':
      f.headers = p.headers.map((h) => typeof h.value === 'string'
        ? { name: h.name, value: h.value, secret: false, env: '' } : { name: h.name, value: '', secret: true, env: h.value.env ?? '' });
      for (const h of p.headers) if (typeof h.value !== 'string') env(`headers.${h.name}`, h.value);
      break;
  }
  return f;
}

/** A host pattern's problem, or null. */
export function hostProblem(h: string): string | null {
  if (!h.trim()) return null;
  const r = HostPatternSchema.safeParse(h.trim());
  return r.success ? null : r.error.issues[0]?.message ?? 'not a host pattern';
}

/** Field path → first problem, from the schema (what the backend will check too). */
export function validateKey(f: KeyForm): Record<string, string> {
  const r = KeyProfileSchema.safeParse(profileFromForm(f));
  const out: Record<string, string> = {};
  if (!r.success) for (const i of r.error.issues) out[i.path.join('.')] ??= i.path[0] === 'hosts' && i.code === 'too_small' ? 'bind the key to at least one host' : i.message;
  return out;
}
