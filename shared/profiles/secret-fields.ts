// Which secret fields a profile has: the workspace resolves exactly these (keychain or env)
// and hands them to the engine as `Record<field, string>`.
import type { GatewayProfile, KeyProfile, ProfileHeader, SecretRef } from '../model/profiles';

export interface SecretField {
  /** key in the resolved secrets record: `key`, `password`, `headers.X-Tenant`, `proxy.password`... */
  field: string;
  ref: SecretRef;
}

function headerSecrets(headers: readonly ProfileHeader[]): SecretField[] {
  const out: SecretField[] = [];
  for (const h of headers) if (typeof h.value !== 'string') out.push({ field: `headers.${h.name}`, ref: h.value });
  return out;
}

export function keySecretFields(profile: KeyProfile): SecretField[] {
  switch (profile.kind) {
    case 'api-key': return [{ field: 'key', ref: profile.key }];
    case 'bearer': return [{ field: 'token', ref: profile.token }];
    case 'basic':
    case 'digest': return [{ field: 'password', ref: profile.password }];
    case 'oauth2-client-credentials': return [{ field: 'clientSecret', ref: profile.clientSecret }];
    case 'aws-sigv4': {
      const out: SecretField[] = [{ field: 'secretAccessKey', ref: profile.secretAccessKey }];
      if (profile.sessionToken) out.push({ field: 'sessionToken', ref: profile.sessionToken });
      return out;
    }
    case 'custom-headers': return headerSecrets(profile.headers);
  }
}

export function gatewaySecretFields(profile: GatewayProfile): SecretField[] {
  const out = headerSecrets(profile.headers);
  if (profile.proxy?.password) out.push({ field: 'proxy.password', ref: profile.proxy.password });
  if (profile.tls?.passphrase) out.push({ field: 'tls.passphrase', ref: profile.tls.passphrase });
  return out;
}

/** Fields whose value was not supplied. */
export function missingSecrets(fields: readonly SecretField[], secrets: Readonly<Record<string, string>> | undefined): string[] {
  return fields.filter((f) => secrets?.[f.field] === undefined).map((f) => f.field);
}
