// Auth settings of any tool → a key profile (no secret values: `{{secret}}` variables instead).
import type { ImportContext } from './context';

export type AuthInput =
  | { kind: 'bearer'; token?: string; prefix?: string }
  | { kind: 'basic'; username?: string; password?: string }
  | { kind: 'api-key'; name?: string; value?: string; in?: 'header' | 'query' | 'cookie' }
  | { kind: 'oauth2'; grant?: string; tokenUrl?: string; clientId?: string; clientSecret?: string; scope?: string }
  | { kind: 'aws-sigv4'; accessKey?: string; secretKey?: string; sessionToken?: string; region?: string; service?: string };

/** The key profile name for this auth, registering the profile; undefined when it cannot be carried over. */
export function authToKey(ctx: ImportContext, auth: AuthInput, where: string, profileName?: string): string | undefined {
  const named = (fallback: string): string => profileName ?? fallback;
  switch (auth.kind) {
    case 'bearer': {
      const prefix = auth.prefix ?? 'Bearer';
      return ctx.key({ kind: 'bearer', in: 'header', header: 'Authorization', ...(prefix === 'Bearer' ? {} : { prefix }),
        value: ctx.secret(auth.token, 'bearerToken', where, 'bearer token') }, named('bearer'));
    }
    case 'basic':
      return ctx.key({ kind: 'basic', in: 'header', header: 'Authorization', username: auth.username ?? '',
        password: ctx.secret(auth.password, 'password', where, 'basic auth password') }, named('basic'));
    case 'api-key': {
      const name = auth.name || 'X-API-Key';
      if (auth.in === 'cookie') {
        ctx.warn(`${where}: API key in cookie '${name}' imported as a header key profile 'Cookie: ${name}=…'; check it`);
        return ctx.key({ kind: 'api-key', in: 'header', header: 'Cookie', prefix: `${name}=`,
          value: ctx.secret(auth.value, name, where, `API key ${name}`) }, named(`api-key-${name}`));
      }
      const placement = auth.in === 'query' ? { in: 'query', param: name } : { in: 'header', header: name };
      return ctx.key({ kind: 'api-key', ...placement, value: ctx.secret(auth.value, name, where, `API key ${name}`) }, named(`api-key-${name}`));
    }
    case 'oauth2':
      if (auth.grant && auth.grant !== 'client_credentials') {
        ctx.warn(`${where}: OAuth 2 '${auth.grant}' grant not imported (only client credentials is supported); set a key profile by hand`);
        return undefined;
      }
      return ctx.key({ kind: 'oauth2-client-credentials', tokenUrl: auth.tokenUrl ?? '', clientId: auth.clientId ?? '',
        clientSecret: ctx.secret(auth.clientSecret, 'clientSecret', where, 'OAuth 2 client secret'),
        ...(auth.scope ? { scope: auth.scope } : {}) }, named('oauth2'));
    case 'aws-sigv4':
      return ctx.key({ kind: 'aws-sigv4', region: auth.region ?? '', service: auth.service ?? '',
        accessKeyId: ctx.secret(auth.accessKey, 'awsAccessKeyId', where, 'AWS access key id'),
        secretAccessKey: ctx.secret(auth.secretKey, 'awsSecretAccessKey', where, 'AWS secret access key'),
        ...(auth.sessionToken ? { sessionToken: ctx.secret(auth.sessionToken, 'awsSessionToken', where, 'AWS session token') } : {}) }, named('aws-sigv4'));
  }
}

export function unsupportedAuth(ctx: ImportContext, type: string, where: string): undefined {
  ctx.warn(`${where}: ${type} auth not imported (not supported); add a key profile by hand`);
  return undefined;
}
