// Folder / collection settings as the dialog edits them, and back to the `defaults` a file stores.
import type { Defaults, VariableValue } from '../../../../shared/model';
import type { KvRow } from '../../ui';

/** A variable row; a secret's declaration is kept as it is (its value lives in the keychain, never here). */
export interface VarRow { name: string; value: string; secret?: Exclude<VariableValue, string> }

export interface FolderForm {
  headers: KvRow[];
  variables: VarRow[];
  /** '' = inherit from the parent folder / collection */
  key: string;
  gateway: string;
}

export function formFromDefaults(d: Defaults | undefined): FolderForm {
  return {
    headers: (d?.headers ?? []).map((h) => ({ name: h.name, value: h.value, enabled: h.enabled })),
    variables: Object.entries(d?.variables ?? {}).map(([name, v]) => (typeof v === 'string' ? { name, value: v } : { name, value: '', secret: v })),
    key: d?.key ?? '',
    gateway: d?.gateway ?? '',
  };
}

/** The form as `defaults`: blank rows dropped, inherit = field left out. */
export function defaultsFromForm(f: FolderForm): Defaults {
  const headers = f.headers.filter((h) => h.name.trim()).map((h) => ({ name: h.name.trim(), value: h.value, enabled: h.enabled }));
  const variables: Record<string, VariableValue> = {};
  for (const v of f.variables) if (v.name.trim()) variables[v.name.trim()] = v.secret ?? v.value;
  return {
    ...(headers.length ? { headers } : {}),
    ...(Object.keys(variables).length ? { variables } : {}),
    ...(f.key ? { key: f.key } : {}),
    ...(f.gateway ? { gateway: f.gateway } : {}),
  };
}

const VAR_NAME = /^[A-Za-z_][\w.-]*$/;

/** Problems that would make the file invalid, shown before saving. */
export function formProblems(f: FolderForm): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of f.variables) {
    const n = v.name.trim();
    if (!n) continue;
    if (!VAR_NAME.test(n)) out.push(`Variable “${n}”: names are letters, digits, _ . - and start with a letter or _.`);
    if (seen.has(n)) out.push(`Variable “${n}” is defined twice.`);
    seen.add(n);
  }
  return out;
}
