// What every importer shares: warnings, the secret variables that replace credentials found in the
// input, and the key profiles made from auth settings (deduplicated by content).
import type { KeyValue } from '../../shared/model/request';
import type { Variables } from '../../shared/model/workspace';
import { trimChars } from '../../shared/util/trim';

export type KeyProfile = { name: string; kind: string; [k: string]: unknown };

/**
 * What an import does with the credentials it finds:
 * - `drop`: replaces them by `{{name}}` secret variables and forgets the values (reading a file to show it);
 * - `capture`: the same replacements, the values kept aside for the keychain or the local store (`clearance import`);
 * - `keep`: leaves every value where it is, as the exporting tool would send it (`clearance run`, in memory only).
 */
export type SecretMode = 'drop' | 'capture' | 'keep';

export interface ImportOptions {
  secrets?: SecretMode;
}

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
  let name = text.trim().replace(/[^\w.-]+/g, '_');
  name = trimChars(name, '_');
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
  readonly mode: SecretMode;
  /** capture: the value of each `{secret: true}` declaration made from a literal (by identity: finish() finds them in place) */
  readonly declared = new WeakMap<object, string>();
  /** capture and keep: key profile name → secret field → the value in the file (a literal or a `{{template}}`) */
  readonly profileValues = new Map<string, Record<string, string>>();
  /** capture and keep: gateway profile name → secret field → value */
  readonly gatewayValues = new Map<string, Record<string, string>>();
  private readonly secretByValue = new Map<string, string>();

  constructor(readonly file: string, opts: ImportOptions = {}) {
    this.mode = opts.secrets ?? 'drop';
  }

  /** The sentence that says where a replaced credential's value went. */
  get valueNote(): string {
    return this.mode === 'capture' ? 'its value goes to the OS keychain (or the local store), never to the workspace' : 'the value was not imported: set it in the keychain';
  }

  /** A `{secret: true}` declaration; in capture mode its value is remembered. */
  private declare(value: string): { secret: true } {
    const decl = { secret: true as const };
    if (this.mode === 'capture' && value !== '') this.declared.set(decl, value);
    return decl;
  }

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
    this.secrets[name] = this.declare(literal);
    if (literal !== '') this.secretByValue.set(literal, name);
    return name;
  }

  /**
   * A credential value: `{{refs}}` stay; a literal becomes a `{{secret}}` variable (its value is not
   * imported) and a warning says so. `where` names the request or folder, `what` the field.
   */
  secret(value: string | undefined, suggested: string, where: string, what: string): string {
    const v = value ?? '';
    if (hasTemplate(v) || this.mode === 'keep') return v;
    const name = this.secretVar(suggested, v);
    if (v !== '') this.warn(`${where}: ${what} held a credential; replaced by {{${name}}}, a secret variable (${this.valueNote})`);
    return `{{${name}}}`;
  }

  /** Headers with credentials replaced by secret variables (the scheme word of Authorization stays). */
  scrubHeaders(headers: KeyValue[], where: string): KeyValue[] {
    if (this.mode === 'keep') return headers;
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
    if (this.mode === 'keep') return params;
    return params.map((p) => (SECRET_PARAM.test(p.name) && p.value !== '' && !hasTemplate(p.value)
      ? { ...p, value: this.secret(p.value, p.name, where, `query parameter ${p.name}`) } : p));
  }

  scrubFields(fields: KeyValue[], where: string): KeyValue[] {
    if (this.mode === 'keep') return fields;
    return fields.map((f) => (SECRET_FIELD.test(f.name) && f.value !== '' && !hasTemplate(f.value)
      ? { ...f, value: this.secret(f.value, f.name, where, `form field ${f.name}`) } : f));
  }

  /** String values of secret-named JSON fields (`"password": "..."`) become `{{secret}}` variables; the layout stays. */
  scrubJson(text: string, where: string): string {
    if (this.mode === 'keep') return text;
    return text.replace(/"([^"\\]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (all, key: string, colon: string, value: string) => {
      if (!SECRET_FIELD.test(key) || value === '' || hasTemplate(value)) return all;
      return `"${key}"${colon}"${this.secret(value, key, where, `JSON field ${key}`)}"`;
    });
  }

  /**
   * Collection or environment variables: secret-looking names with literal values become secrets
   * (keep mode: every value stays; only a secret with no value in the file is declared).
   */
  variables(entries: Array<{ name: string; value: string; secret?: boolean }>, where: string): Variables {
    const out: Variables = {};
    for (const e of entries) {
      let name = e.name;
      if (!VAR_NAME.test(name)) {
        name = toVarName(name);
        this.warn(`${where}: variable '${e.name}' renamed to '${name}' (names are letters, digits, _ . -); update references to it`);
      }
      if (this.mode === 'keep' ? e.secret && e.value === '' : e.secret || (isSecretVariableName(name) && !hasTemplate(e.value))) {
        out[name] = this.declare(e.value);
        if (e.value !== '') {
          this.warn(`${where}: variable '${name}' is a secret; ${this.mode === 'capture' ? this.valueNote : 'its value was not imported (set it in the keychain)'}`);
        }
      } else {
        out[name] = e.value;
      }
    }
    return out;
  }

  /**
   * Registers a key profile; identical settings (and, unless values are dropped, identical secret
   * values) share one profile. Returns its name.
   */
  key(profile: { kind: string; [k: string]: unknown }, suggested: string, values: Record<string, string> = {}): string {
    const kept = this.mode === 'drop' ? {} : Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    const same = this.keys.find(({ name, ...rest }) => JSON.stringify(rest) === JSON.stringify(profile)
      && JSON.stringify(this.profileValues.get(name) ?? {}) === JSON.stringify(kept));
    if (same) return same.name;
    const base = toVarName(suggested).replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[._]+/g, '-').toLowerCase();
    let name = base;
    for (let i = 2; this.keys.some((k) => k.name === name); i++) name = `${base}-${i}`;
    this.keys.push({ name, ...profile });
    if (Object.keys(kept).length > 0) this.profileValues.set(name, kept);
    return name;
  }
}
