// Postman, Insomnia and Bruno scripts in `clearance run`: one pre-request or test script run in a
// QuickJS isolate (WebAssembly: no Node, no require, no file system, no network), with a time and
// memory limit. The isolate is loaded on the first script, so a collection without scripts pays nothing.

export type ScriptKind = 'prerequest' | 'test';

/** Whose script API the isolate offers: `pm`, `insomnia`, or Bruno's `bru`/`req`/`res`. */
export type ScriptFlavour = 'postman' | 'insomnia' | 'bruno';

/** A scope's values: strings from files, any JSON value a script set (Postman keeps the type). */
export type VarValues = Record<string, unknown>;

export interface ScriptVars {
  environment: VarValues;
  collection: VarValues;
  globals: VarValues;
  /** pm.variables.set: the run's local scope, above every other */
  local: VarValues;
  iterationData: VarValues;
}

export interface ScriptContext {
  request: { method: string; url: string; headers: Array<[string, string]>; body?: string };
  response?: { status: number; statusText?: string; headers: Array<[string, string]>; body: string; timeMs: number; url?: string };
  vars: ScriptVars;
  info: { iteration: number; iterationCount?: number; requestName: string; environmentName?: string };
}

export interface ScriptTest {
  name: string;
  passed: boolean;
  /** pm.test without a function, pm.test.skip: counted, neither passed nor failed */
  skipped?: boolean;
  error?: string;
}

/** A Bruno `assert` line and how the response met it. */
export interface ScriptAssertion {
  name: string;
  passed: boolean;
  expected: string;
  actual: string;
}

export interface ScriptResult {
  tests: ScriptTest[];
  /** Bruno's `assert` block */
  assertions: ScriptAssertion[];
  /** updated copies (iteration data as given) */
  vars: ScriptVars;
  /** Postman features the script used that this sandbox lacks, by name (pm.sendRequest, require('lodash')...) */
  unsupported: string[];
  /** console output, bounded */
  logs: string[];
  /** the script stopped: an uncaught error, the time or memory limit */
  error?: string;
  /** a pre-request script changed pm.request.headers: the request's whole header list after it */
  requestHeaders?: Array<[string, string]>;
  /** Bruno's req.setBody / req.setUrl in a pre-request script */
  requestBody?: string;
  requestUrl?: string;
}

export interface ScriptOptions {
  timeoutMs: number;
  /** the isolate's memory limit (default 64 MiB); with openScripts it is set once for the run */
  memoryBytes?: number;
}

/** Scripts run one after the other in one isolate (a run's scripts share it, as Postman's do). */
export interface ScriptRunner {
  run(kind: ScriptKind, code: string, ctx: ScriptContext, opts: ScriptOptions): Promise<ScriptResult>;
  close(): void;
}

export async function openScripts(opts: { memoryBytes?: number; flavour?: ScriptFlavour } = {}): Promise<ScriptRunner> {
  const { ScriptSession } = await import('./sandbox');
  return new ScriptSession(opts);
}

/** One script in an isolate of its own. */
export async function runScript(kind: ScriptKind, code: string, ctx: ScriptContext, opts: ScriptOptions & { flavour?: ScriptFlavour }): Promise<ScriptResult> {
  const session = await openScripts(opts);
  try {
    return await session.run(kind, code, ctx, opts);
  } finally {
    session.close();
  }
}
