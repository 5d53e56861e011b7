// What every importer shares: warnings, the secret variables that replace credentials found in the
// input, and the key profiles made from auth settings (deduplicated by content).
import type { KeyValue } from '../../shared/model/request';
import type { Variables } from '../../shared/model/workspace';

export type KeyProfile = { name: string; kind: string; [k: string]: unknown };

const VAR_NAME = /^[A-Za-z_][\w.-]*$/;
const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-amz-security-token|ocp-apim-subscription-key|x-goog-api-key|x-functions-key|private-token|x-gitlab-token|x-vault-token)$|api[-_]?key|secret|token|passw/i;
const SECRET_PARAM = /^(api[-_]?key|apikey|key|access[-_]?token|token|client[-_]?secret|password|secret|sig|signature|x-amz-signature|x-amz-security-token|subscription-key)$/i;
export const SECRET_FIELD = /^(password|passwd|pwd|client[-_]?secret|secret|api[-_]?key|apikey|access[-_]?token|refresh[-_]?token|token|private[-_]?key)$/i;
const SECRET_VARIABLE = /(passw|secret|token|api[-_]?key|apikey|credential|private[-_]?key|^auth(orization)?$|^session|cookie)/i;

/** `{{name}}` and nothing else. */
export function isVarRef(value: string): boolean {
  return /^\{\{\s*[^{}]+\s*\}\}$/.test(value.trim());
}

export function hasTemplate(value: string): boolean {
  return value.includes('{{');
}

/** A valid variable name from any text: `x-api-key` → `x_api_key`. */
export function toVarName(text: string): string {
  let name = text.trim().replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') name = 'value';
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  return name;
}

export function isSecretVariableName(name: string): boolean {
  return SECRET_VARIABLE.test(name);
}

export class ImportContext {
  readonly warnings: string[] = [];
  readonly secrets: Variables = {};
  readonly keys: KeyProfile[] = [];
  private readonly secretByValue = new Map<string, string>();

  constructor(readonly file: string) {}

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** A secret variable for `suggested`, reused when the same literal was seen before. */
  private secretVar(suggested: string, literal: string): string {
    const known = literal === '' ? undefined : this.secretByValue.get(literal);
    if (known) return known;
    const base = toVarName(suggested);
    let name = base;
    for (let i = 2; name in this.secrets && literal !== ''; i++) name = `${base}_${i}`;
    this.secrets[name] = { secret: true };
    if (literal !== '') this.secretByValue.set(literal, name);
    return name;
  }

  /**
   * A credential value: `{{refs}}` stay; a literal becomes a `{{secret}}` variable (its value is not
   * imported) and a warning says so. `where` names the request or folder, `what` the field.
   */
  secret(value: string | undefined, suggested: string, where: string, what: string): string {
    const v = value ?? '';
    if (hasTemplate(v)) return v;
    const name = this.secretVar(suggested, v);
    if (v !== '') this.warn(`${where}: ${what} held a credential; replaced by {{${name}}}, a secret variable (the value was not imported: set it in the keychain)`);
    return `{{${name}}}`;
  }

  /** Headers with credentials replaced by secret variables (the scheme word of Authorization stays). */
  scrubHeaders(headers: KeyValue[], where: string): KeyValue[] {
    return headers.map((h) => {
      const lower = h.name.toLowerCase();
      if (lower === 'cookie') {
        this.warn(`${where}: Cookie header kept as it is; it may hold a session or other secret`);
        return h;
      }
      if (!SECRET_HEADER.test(h.name) || h.value === '' || hasTemplate(h.value)) return h;
      const scheme = /^(\w+)\s+(\S.*)$/.exec(h.value);
      if ((lower === 'authorization' || lower === 'proxy-authorization') && scheme) {
        const suggested = scheme[1]!.toLowerCase() === 'bearer' ? 'bearerToken' : `${scheme[1]!.toLowerCase()}Credentials`;
        return { ...h, value: `${scheme[1]} ${this.secret(scheme[2], suggested, where, `header ${h.name}`)}` };
      }
      return { ...h, value: this.secret(h.value, h.name, where, `header ${h.name}`) };
    });
  }

  scrubParams(params: KeyValue[], where: string): KeyValue[] {
    return params.map((p) => (SECRET_PARAM.test(p.name) && p.value !== '' && !hasTemplate(p.value)
      ? { ...p, value: this.secret(p.value, p.name, where, `query parameter ${p.name}`) } : p));
  }

  scrubFields(fields: KeyValue[], where: string): KeyValue[] {
    return fields.map((f) => (SECRET_FIELD.test(f.name) && f.value !== '' && !hasTemplate(f.value)
      ? { ...f, value: this.secret(f.value, f.name, where, `form field ${f.name}`) } : f));
  }

  /** String values of secret-named JSON fields (`"password": "..."`) become `{{secret}}` variables; the layout stays. */
  scrubJson(text: string, where: string): string {
    return text.replace(/"([^"\\]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (all, key: string, colon: string, value: string) => {
      if (!SECRET_FIELD.test(key) || value === '' || hasTemplate(value)) return all;
      return `"${key}"${colon}"${this.secret(value, key, where, `JSON field ${key}`)}"`;
    });
  }

  /** Collection or environment variables: secret-looking names with literal values become secrets. */
  variables(entries: Array<{ name: string; value: string; secret?: boolean }>, where: string): Variables {
    const out: Variables = {};
    for (const e of entries) {
      let name = e.name;
      if (!VAR_NAME.test(name)) {
        name = toVarName(name);
        this.warn(`${where}: variable '${e.name}' renamed to '${name}' (names are letters, digits, _ . -); update references to it`);
      }
      if (e.secret || (isSecretVariableName(name) && !hasTemplate(e.value))) {
        out[name] = { secret: true };
        if (e.value !== '') this.warn(`${where}: variable '${name}' is a secret; its value was not imported (set it in the keychain)`);
      } else {
        out[name] = e.value;
      }
    }
    return out;
  }

  /** Registers a key profile; identical settings share one profile. Returns its name. */
  key(profile: { kind: string; [k: string]: unknown }, suggested: string): string {
    const same = this.keys.find(({ name: _n, ...rest }) => JSON.stringify(rest) === JSON.stringify(profile));
    if (same) return same.name;
    const base = toVarName(suggested).replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[._]+/g, '-').toLowerCase();
    let name = base;
    for (let i = 2; this.keys.some((k) => k.name === name); i++) name = `${base}-${i}`;
    this.keys.push({ name, ...profile });
    return name;
  }
}
