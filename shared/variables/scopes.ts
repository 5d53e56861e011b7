/** Where a variable's value came from, innermost (strongest) first after `runtime`. */
export type ScopeName = 'runtime' | 'request' | 'folder' | 'collection' | 'environment' | 'global' | 'dynamic';

export type VariableMap = Readonly<Record<string, string>>;

/**
 * The variable sets a request is resolved against. Values are plain strings: secrets are looked
 * up (keychain / env var) by the caller before resolving, so this module stays pure.
 */
export interface Scopes {
  /** values given at run time (CLI flags, runner data): win over every other scope */
  runtime?: VariableMap;
  request?: VariableMap;
  /** folder variables, innermost folder first */
  folders?: VariableMap[];
  collection?: VariableMap;
  environment?: VariableMap;
  global?: VariableMap;
  /**
   * Why a name has no value although it is declared (e.g. a secret not in the keychain);
   * used in the unresolved-variable message.
   */
  missing?: Readonly<Record<string, string>>;
}

export interface Lookup {
  value: string;
  scope: ScopeName;
}

/** Looks a name up through the scopes in precedence order. */
export function lookup(scopes: Scopes, name: string): Lookup | undefined {
  const has = (m: VariableMap | undefined): m is VariableMap => m !== undefined && Object.prototype.hasOwnProperty.call(m, name);
  if (has(scopes.runtime)) return { value: scopes.runtime[name]!, scope: 'runtime' };
  if (has(scopes.request)) return { value: scopes.request[name]!, scope: 'request' };
  for (const f of scopes.folders ?? []) if (has(f)) return { value: f[name]!, scope: 'folder' };
  if (has(scopes.collection)) return { value: scopes.collection[name]!, scope: 'collection' };
  if (has(scopes.environment)) return { value: scopes.environment[name]!, scope: 'environment' };
  if (has(scopes.global)) return { value: scopes.global[name]!, scope: 'global' };
  return undefined;
}
