// Auth settings of any tool → a key profile as shared/model/profiles defines it. Secret fields are
// `{secret: true}` (the keychain or the local store holds the value; a run keeps it in memory); the
// description says where the secret came from, so exports can name it again and two different
// credentials never merge into one profile.
import type { ImportContext } from './context';

export type AuthInput =
  | { kind: 'bearer'; token?: string; prefix?: string }
  | { kind: 'basic' | 'digest'; username?: string; password?: string }
  | { kind: 'api-key'; name?: string; value?: string; in?: 'header' | 'query' | 'cookie' }
  | { kind: 'oauth2'; grant?: string; tokenUrl?: string; clientId?: string; clientSecret?: string; scope?: string }
  | { kind: 'aws-sigv4'; accessKey?: string; secretKey?: string; sessionToken?: string; region?: string; service?: string };

const SECRET = { secret: true } as const;

/** "token {{accessToken}}" for a variable reference, "token from request 'X'" for a literal (not imported). */
function source(field: string, value: string | undefined, where: string): string {
  const v = (value ?? '').trim();
  if (/^\{\{\s*[^{}]+\s*\}\}$/.test(v)) return `${field} ${v.replace(/\s+/g, '')}`;
  return v === '' ? `${field} not set in ${where}` : `${field} from ${where}`;
}

function noteSecret(ctx: ImportContext, name: string, field: string, value: string | undefined, where: string): void {
  const v = (value ?? '').trim();
  if (v === '' || ctx.mode === 'keep') return;
  // capture: a {{template}} is looked up when the import finishes (finish.ts), which says what became of it
  if (v.includes('{{')) {
    if (ctx.mode === 'drop') ctx.warn(`key profile '${name}': store its ${field} (${v}) in the keychain`);
  } else if (ctx.mode === 'capture') ctx.warn(`${where}: ${field} held a credential; key profile '${name}' keeps it in the OS keychain (or the local store), never in the workspace`);
  else ctx.warn(`${where}: ${field} held a credential; not imported: key profile '${name}' takes it from the keychain`);
}

/** The key profile name for this auth, registering the profile; undefined when it cannot be carried over. */
export function authToKey(ctx: ImportContext, auth: AuthInput, where: string, profileName?: string): string | undefined {
  const register = (profile: Record<string, unknown> & { kind: string }, fallback: string, secrets: Array<[string, string | undefined]>): string => {
    const description = `Imported: ${secrets.map(([f, v]) => source(f, v, where)).join(', ')}`;
    const values = Object.fromEntries(secrets.map(([f, v]) => [f, v ?? '']));
    const name = ctx.key({ ...profile, description }, profileName ?? fallback, values);
    for (const [f, v] of secrets) noteSecret(ctx, name, f, v, where);
    return name;
  };
  switch (auth.kind) {
    case 'bearer':
      return register({ kind: 'bearer', scheme: auth.prefix || 'Bearer', token: SECRET }, 'bearer', [['token', auth.token]]);
    case 'basic': case 'digest':
      return register({ kind: auth.kind, username: auth.username ?? '', password: SECRET }, auth.kind, [['password', auth.password]]);
    case 'api-key': {
      const param = auth.name || 'x-api-key';
      if (auth.in === 'cookie') {
        return register({ kind: 'api-key', in: 'header', param: 'Cookie', prefix: `${param}=`, key: SECRET }, `api-key-${param}`, [['key', auth.value]]);
      }
      return register({ kind: 'api-key', in: auth.in === 'query' ? 'query' : 'header', param, key: SECRET }, `api-key-${param}`, [['key', auth.value]]);
    }
    case 'oauth2':
      if (auth.grant && auth.grant !== 'client_credentials') {
        ctx.warn(`${where}: OAuth 2 '${auth.grant}' grant not imported (only client credentials is supported); set a key profile by hand`);
        return undefined;
      }
      return register({ kind: 'oauth2-client-credentials', tokenUrl: auth.tokenUrl ?? '', clientId: auth.clientId ?? '', clientSecret: SECRET,
        scope: (auth.scope ?? '').split(/[\s,]+/).filter((s) => s !== '') }, 'oauth2', [['clientSecret', auth.clientSecret]]);
    case 'aws-sigv4':
      return register({ kind: 'aws-sigv4', accessKeyId: auth.accessKey ?? '', secretAccessKey: SECRET, ...(auth.sessionToken ? { sessionToken: SECRET } : {}),
        service: auth.service ?? '', region: auth.region ?? '' }, 'aws-sigv4',
      [['secretAccessKey', auth.secretKey], ...(auth.sessionToken ? [['sessionToken', auth.sessionToken] as [string, string]] : [])]);
  }
}

export function unsupportedAuth(ctx: ImportContext, type: string, where: string): undefined {
  ctx.warn(`${where}: ${type} auth not imported (not supported); add a key profile by hand`);
  return undefined;
}

/** The `{{variable}}` a profile's secret field came from (its description), for exports. */
export function secretSource(profile: { name: string; description?: unknown }, field: string): string {
  const m = new RegExp(`${field} (\\{\\{[^{}]+\\}\\})`).exec(typeof profile.description === 'string' ? profile.description : '');
  return m ? m[1]! : `{{${profile.name.replace(/[^\w.-]+/g, '_')}_${field}}}`;
}
