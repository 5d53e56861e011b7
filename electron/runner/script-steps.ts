// Postman, Insomnia and Bruno scripts in a run (electron/runner/scripts runs each one in the isolate):
// before a request its pre-request chain (collection → folders → request), whose variable changes
// reach the request as runtime variables; after the response its test chain, whose tests fail the request.
// The variables a script sets stay for the rest of the run, in Postman's scopes and precedence
// (local > iteration data > environment > collection > globals). Loaded only when a plan has scripts.
import { readFile } from 'node:fs/promises';
import type { RequestFile, ResponseRecord } from '../../shared/model';
import type { ScriptSource } from '../importers/postman-scripts';
import { openScripts, type ScriptContext, type ScriptFlavour, type ScriptKind, type ScriptRunner, type ScriptVars, type VarValues } from './scripts';
import type { PlannedRequest } from './target';
import type { RunResult, ScriptTest } from './types';
import { encodeComponent } from '../../shared/util/well-formed';

/** Each script's time limit: Postman has none; a script that loops forever must not hang a CI job. */
export const SCRIPT_TIMEOUT_MS = 5_000;
/** The largest response body a test script reads whole (the isolate has 64 MiB). */
const MAX_SCRIPT_BODY = 16 * 1024 * 1024;

/** What the pre-request scripts left for the request: the variables to lay over it, and their results. */
export interface PreRequest {
  /** the request with the headers a pre-request script changed (pm.request.headers.add/upsert/remove) */
  request?: RequestFile;
  runtime: Record<string, string> | undefined;
  iterationData: VarValues;
  info: ScriptContext['info'];
  result: Pick<RunResult, 'tests' | 'unsupported' | 'logs' | 'assertions'>;
  /** a Bruno or Insomnia pre-request script failed: the request is not sent, as those tools do not send it */
  halted?: string;
}

export interface ScriptSteps {
  before(item: PlannedRequest, iteration: number | undefined, runtime: Record<string, string> | undefined): Promise<PreRequest>;
  /** Runs the test chain and fills `out.tests` / `out.unsupported` (settle() then judges the request). */
  after(item: PlannedRequest, pre: PreRequest, out: RunResult, rec: ResponseRecord, timeMs: number): Promise<void>;
  close(): void;
}

export interface ScriptStart {
  environment: Record<string, string>;
  collection: Record<string, string>;
  globals: Record<string, string>;
  envName?: string | undefined;
  flavour?: ScriptFlavour | undefined;
}

/** What a pre-request chain changed of the request: headers (Postman, Insomnia, Bruno), body and URL (Bruno). */
interface Edits { headers?: Array<[string, string]>; body?: string; url?: string }

const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

function requestBody(req: RequestFile): string | undefined {
  const b = req.body;
  if (!b) return undefined;
  if (b.kind === 'json' || b.kind === 'text') return b.text;
  if (b.kind === 'form') return b.fields.filter((f) => f.enabled !== false).map((f) => `${encodeComponent(f.name)}=${encodeComponent(f.value)}`).join('&');
  return undefined;
}

/** The request as the pre-request scripts see it in Postman: templates not yet filled in. */
function plannedRequest(req: RequestFile): ScriptContext['request'] {
  const params = (req.params ?? []).filter((p) => p.enabled !== false).map((p) => `${p.name}=${p.value}`);
  const body = requestBody(req);
  return { method: req.method.toUpperCase(), url: params.length ? `${req.url}?${params.join('&')}` : req.url,
    headers: (req.headers ?? []).filter((h) => h.enabled !== false).map((h): [string, string] => [h.name, h.value]), ...(body !== undefined ? { body } : {}) };
}

async function responseText(rec: ResponseRecord): Promise<{ text: string; whole: boolean }> {
  const b = rec.body;
  if (b.kind === 'inline') return { text: b.encoding === 'utf8' ? b.data : Buffer.from(b.data, 'base64').toString('utf8'), whole: true };
  if (b.kind === 'preview' || rec.size.bodyDecoded > MAX_SCRIPT_BODY) return { text: b.encoding === 'utf8' ? b.preview : '', whole: false };
  return { text: (await readFile(b.path)).toString('utf8'), whole: true };
}

/** The request with a pre-request chain's changes; the same object when there are none. */
function edited(req: RequestFile, e: Edits): RequestFile {
  if (!e.headers && e.body === undefined && e.url === undefined) return req;
  const out: RequestFile = { ...req };
  if (e.headers) out.headers = e.headers.map(([name, value]) => ({ name, value, enabled: true }));
  if (e.body !== undefined) out.body = req.body?.kind === 'json' ? { kind: 'json', text: e.body } : { kind: 'text', text: e.body, ...textType(req) };
  // The new URL holds its query (req.getUrl() showed the params joined in).
  if (e.url !== undefined) Object.assign(out, { url: e.url, params: [] });
  return out;
}

const textType = (req: RequestFile): { contentType?: string } => (req.body?.kind === 'text' && req.body.contentType ? { contentType: req.body.contentType } : {});

function changedNames(before: VarValues, after: VarValues, into: Set<string>): void {
  for (const k of Object.keys(after)) if (!(k in before) || before[k] !== after[k]) into.add(k);
  for (const k of Object.keys(before)) if (!(k in after)) into.add(k);
}

export function scriptSteps(start: ScriptStart): ScriptSteps {
  const vars = { environment: { ...start.environment } as VarValues, collection: { ...start.collection } as VarValues, globals: { ...start.globals } as VarValues, local: {} as VarValues };
  /** names any script set or unset: only these are laid over the request, the rest resolves as usual */
  const touched = new Set<string>();
  let runner: Promise<ScriptRunner> | undefined;

  const lookup = (k: string, data: VarValues): unknown => {
    for (const scope of [vars.local, data, vars.environment, vars.collection, vars.globals]) if (Object.hasOwn(scope, k)) return scope[k];
    return undefined;
  };

  /**
   * Runs one chain; every script's error is a failed test named after it, so a broken script never
   * passes. A script the runner cannot read is named and fails too. Returns what the chain changed.
   */
  async function chain(kind: ScriptKind, scripts: ScriptSource[], ctx: Omit<ScriptContext, 'vars'>, data: VarValues, result: PreRequest['result']): Promise<Edits & { halted?: string }> {
    const edits: Edits & { halted?: string } = {};
    for (const s of scripts) {
      const failName = s.label ?? `${kind === 'test' ? 'test' : 'pre-request'} script of ${s.from}`;
      if (s.unsupported !== undefined) {
        if (!result.unsupported?.includes(s.unsupported)) result.unsupported = [...(result.unsupported ?? []), s.unsupported];
        result.tests = [...(result.tests ?? []), { name: s.unsupported, passed: false, error: `UnsupportedError: ${s.unsupported} is not supported by clearance run` }];
        continue;
      }
      runner ??= openScripts({ flavour: start.flavour });
      const session = await runner;
      const current: ScriptVars = { ...vars, iterationData: data };
      // Each script of the chain sees the request the one before it left.
      const request = { ...ctx.request, ...(edits.headers ? { headers: edits.headers } : {}), ...(edits.body !== undefined ? { body: edits.body } : {}),
        ...(edits.url !== undefined ? { url: edits.url } : {}) };
      const r = await session.run(kind, s.code, { ...ctx, request, vars: current }, { timeoutMs: SCRIPT_TIMEOUT_MS });
      if (r.requestHeaders) edits.headers = r.requestHeaders;
      if (r.requestBody !== undefined) edits.body = r.requestBody;
      if (r.requestUrl !== undefined) edits.url = r.requestUrl;
      if (r.assertions.length) result.assertions = [...(result.assertions ?? []), ...r.assertions];
      for (const scope of ['environment', 'collection', 'globals', 'local'] as const) {
        changedNames(vars[scope], r.vars[scope], touched);
        vars[scope] = r.vars[scope];
      }
      const tests: ScriptTest[] = r.tests.filter((t) => !t.skipped).map((t) => ({ name: t.name, passed: t.passed, ...(t.error !== undefined ? { error: t.error } : {}) }));
      if (r.error !== undefined) tests.push({ name: failName, passed: false, error: r.error });
      if (tests.length) result.tests = [...(result.tests ?? []), ...tests];
      for (const u of r.unsupported) if (!result.unsupported?.includes(u)) result.unsupported = [...(result.unsupported ?? []), u];
      if (r.logs.length) result.logs = [...(result.logs ?? []), ...r.logs];
      if (r.error !== undefined && s.halts) {
        edits.halted = `the request was not sent: its ${failName} failed (${r.error})`;
        break;
      }
    }
    return edits;
  }

  return {
    async before(item, iteration, runtime) {
      const info = { iteration: (iteration ?? 1) - 1, requestName: item.name, ...(start.envName ? { environmentName: start.envName } : {}) };
      const data: VarValues = { ...runtime };
      const pre: PreRequest = { runtime, iterationData: data, info, result: {} };
      const scripts = item.scripts?.prerequest ?? [];
      const edits = item.request && scripts.length ? await chain('prerequest', scripts, { request: plannedRequest(item.request), info }, data, pre.result) : {};
      if (item.request) pre.request = edited(item.request, edits);
      if (edits.halted) pre.halted = edits.halted;
      if (touched.size === 0) return pre;
      const over: Record<string, string> = { ...runtime };
      for (const k of touched) {
        const v = lookup(k, data);
        if (v !== undefined) over[k] = asText(v);
      }
      pre.runtime = over;
      return pre;
    },

    async after(item, pre, out, rec, timeMs) {
      const scripts = item.scripts?.test ?? [];
      if (!scripts.length) return;
      const body = await responseText(rec);
      if (!body.whole) pre.result.unsupported = [...(pre.result.unsupported ?? []), `a response body over ${MAX_SCRIPT_BODY / 1048576} MiB (scripts saw its first bytes)`];
      const request = { method: rec.wire.method, url: rec.wire.url, headers: rec.wire.headers.map((h): [string, string] => [h.name, h.value]) };
      const response = { status: rec.status, statusText: rec.statusText, headers: rec.headers, body: body.text, timeMs, url: rec.wire.url };
      await chain('test', scripts, { request, response, info: pre.info }, pre.iterationData, pre.result);
      Object.assign(out, pre.result);
    },

    close() {
      // A failure to open the isolate was already reported by the request whose script needed it.
      void runner?.then((r) => r.close(), () => undefined);
    },
  };
}
