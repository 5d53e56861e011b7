// The isolate: a QuickJS runtime (WebAssembly, so nothing of Node is reachable) with an interrupt
// handler for each script's time limit, a memory limit and a small stack. No host function is
// exposed: a script's input goes in as one JSON string and its result comes back as one, checked
// before it is believed. The scripts of one run share a context, as Postman's do (the prelude is
// parsed once: QuickJS takes ~25 ms for it); one that hits a limit leaves a fresh one to the next.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { z } from 'zod';
import bruno from './isolate/bruno.js?raw';
import chai from './isolate/chai.js?raw';
import insomnia from './isolate/insomnia.js?raw';
import inspect from './isolate/inspect.js?raw';
import pm from './isolate/pm.js?raw';
import response from './isolate/response.js?raw';
import type { ScriptContext, ScriptFlavour, ScriptKind, ScriptOptions, ScriptResult } from './index';

/** Each tool's globals on top of the shared parts; a run parses only its own (QuickJS is slow to parse). */
const EXTRA: Record<ScriptFlavour, string> = { postman: '', insomnia, bruno };
const prelude = (f: ScriptFlavour): string => `(function () {\n${inspect}\n${chai}\n${response}\n${pm}\n${EXTRA[f]}\nreturn controller;\n})()`;
// QuickJS's frames also use the host's native stack: beyond ~128 KiB a deep recursion overflows
// V8's stack inside WebAssembly (which corrupts the module) instead of QuickJS's own check.
const STACK_BYTES = 96 * 1024;
/** Time granted to collect the results after the script itself ran out of time. */
const FINISH_MS = 1000;
export const DEFAULT_MEMORY_BYTES = 64 * 1024 * 1024;

let loading: Promise<QuickJSWASMModule> | undefined;

function quickjs(): Promise<QuickJSWASMModule> {
  loading ??= (async () => {
    const [{ newQuickJSWASMModuleFromVariant }, variant, v8] = await Promise.all([
      import('quickjs-emscripten-core'), import('@jitl/quickjs-wasmfile-release-sync'), import('node:v8'),
    ]);
    // Compiled by V8's optimizing tier as well, the module held up the run's next request by ~0.4 s
    // (measured on 2 busy cores); with the baseline compiler only, that wait is gone. Only this
    // module's compilation is affected: the flag is put back at once.
    v8.setFlagsFromString('--liftoff-only');
    try {
      return await newQuickJSWASMModuleFromVariant(variant.default);
    } finally {
      v8.setFlagsFromString('--no-liftoff-only');
    }
  })();
  return loading;
}

const Values = z.record(z.string(), z.unknown());
const OutputSchema = z.object({
  tests: z.array(z.object({ name: z.string(), passed: z.boolean(), skipped: z.boolean().optional(), error: z.string().optional() })),
  assertions: z.array(z.object({ name: z.string(), passed: z.boolean(), expected: z.string(), actual: z.string() })),
  requestBody: z.string().optional(),
  requestUrl: z.string().optional(),
  unsupported: z.array(z.string()),
  logs: z.array(z.string()),
  error: z.string().optional(),
  requestHeaders: z.array(z.tuple([z.string(), z.string()])).optional(),
  vars: z.object({ environment: Values, collection: Values, globals: Values, local: Values }),
});

interface Limits { timedOut: boolean; timeoutMs: number; memoryBytes: number }

function describe(err: unknown, limits: Limits): string {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as { name?: unknown; message?: unknown };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (limits.timedOut && message === 'interrupted') return `the script ran longer than its ${limits.timeoutMs} ms limit and was stopped`;
  if (message === 'out of memory') return `the script used more than its ${Math.round(limits.memoryBytes / 1048576)} MiB memory limit and was stopped`;
  if (message === 'stack overflow') return 'the script nested calls too deeply (stack overflow) and was stopped';
  return `${name}: ${message}`;
}

/** A limit was hit: the context may be half-way through something, so the next script gets a new one. */
const hitLimit = (message: string): boolean => /limit and was stopped|stack overflow/.test(message);

interface Live {
  rt: QuickJSRuntime; vm: QuickJSContext; controller: QuickJSHandle; begin: QuickJSHandle; finish: QuickJSHandle; runAsync: QuickJSHandle;
  limits: Limits; deadline: number;
}

function call(vm: QuickJSContext, fn: QuickJSHandle, arg: string | undefined): { value?: string; error?: unknown } {
  const handle = arg === undefined ? vm.undefined : vm.newString(arg);
  try {
    const r = vm.callFunction(fn, vm.undefined, handle);
    if (r.error) {
      const error = vm.dump(r.error);
      r.error.dispose();
      return { error };
    }
    const value = vm.dump(r.value) as unknown;
    r.value.dispose();
    return { value: typeof value === 'string' ? value : undefined };
  } finally {
    if (arg !== undefined) handle.dispose();
  }
}

export class ScriptSession {
  private live: Live | undefined;
  private readonly memoryBytes: number;
  private readonly flavour: ScriptFlavour;

  constructor(opts: { memoryBytes?: number; flavour?: ScriptFlavour } = {}) {
    this.memoryBytes = opts.memoryBytes ?? DEFAULT_MEMORY_BYTES;
    this.flavour = opts.flavour ?? 'postman';
  }

  /** Synchronous, like everything between here and the result: parallel requests cannot interleave in the isolate. */
  private create(QuickJS: QuickJSWASMModule): Live {
    const rt = QuickJS.newRuntime();
    rt.setMemoryLimit(this.memoryBytes);
    rt.setMaxStackSize(STACK_BYTES);
    const vm = rt.newContext();
    const controller = vm.unwrapResult(vm.evalCode(prelude(this.flavour), 'clearance-prelude.js'));
    const live: Live = { rt, vm, controller, begin: vm.getProp(controller, 'begin'), finish: vm.getProp(controller, 'finish'),
      runAsync: vm.getProp(controller, 'runAsync'),
      limits: { timedOut: false, timeoutMs: 0, memoryBytes: this.memoryBytes }, deadline: Number.POSITIVE_INFINITY };
    rt.setInterruptHandler(() => {
      if (Date.now() <= live.deadline) return false;
      live.limits.timedOut = true;
      return true;
    });
    return live;
  }

  async run(kind: ScriptKind, code: string, ctx: ScriptContext, opts: ScriptOptions): Promise<ScriptResult> {
    const QuickJS = await quickjs();
    const live = (this.live ??= this.create(QuickJS));
    const failed = (error: string): ScriptResult => ({ tests: [], assertions: [], vars: ctx.vars, unsupported: [], logs: [], error });
    let result: ScriptResult;
    try {
      result = this.execute(live, kind, code, ctx, opts, failed);
    } catch (err) {
      // The host's own stack overflowed inside WebAssembly: the module is no longer sound, drop it whole.
      if (!(err instanceof RangeError)) throw err;
      this.live = undefined;
      loading = undefined;
      return failed('the script nested calls too deeply (stack overflow) and was stopped');
    }
    if (result.error && hitLimit(result.error)) this.close();
    return result;
  }

  private execute(live: Live, kind: ScriptKind, code: string, ctx: ScriptContext, opts: ScriptOptions, failed: (e: string) => ScriptResult): ScriptResult {
    const { vm, rt, limits } = live;
    Object.assign(limits, { timedOut: false, timeoutMs: opts.timeoutMs });
    const input = { kind, flavour: this.flavour, ...ctx, response: ctx.response && { ...ctx.response, bodyBytes: Buffer.byteLength(ctx.response.body) } };
    live.deadline = Date.now() + opts.timeoutMs;
    try {
      const started = call(vm, live.begin, JSON.stringify(input));
      if (started.error !== undefined) return failed(`the script's context could not be set up: ${describe(started.error, limits)}`);
      let error: string | undefined;
      const r = this.start(live, kind, code);
      if (r.error) {
        error = describe(vm.dump(r.error), limits);
        r.error.dispose();
      } else {
        r.value.dispose();
        // Promise callbacks (then, async functions) run before the results are read, within the same limit.
        const jobs = rt.executePendingJobs();
        if (jobs.error) {
          error = describe(jobs.error.context.dump(jobs.error), limits);
          jobs.error.dispose();
        }
      }
      live.deadline = Date.now() + FINISH_MS;
      const done = call(vm, live.finish, error);
      if (done.value === undefined) return failed(error ?? `the script's results could not be read: ${describe(done.error, limits)}`);
      const result = this.read(done.value, ctx, failed);
      // A limit hit inside an async body arrives as that body's rejection: worded as the limit it is.
      const internal = /^InternalError: (.*)$/.exec(result.error ?? '');
      if (internal) result.error = describe({ name: 'InternalError', message: internal[1] }, limits);
      return result;
    } finally {
      live.deadline = Number.POSITIVE_INFINITY;
    }
  }

  /**
   * A function body, as in Postman: `const` and `let` stay the script's own, `return` is allowed.
   * Bruno's and Insomnia's bodies are async (a top-level `await`): the prelude's runAsync calls one
   * and keeps its rejection as the script's error.
   */
  private start(live: Live, kind: ScriptKind, code: string): ReturnType<QuickJSContext['evalCode']> {
    const { vm } = live;
    if (this.flavour === 'postman') return vm.evalCode(`(function () {${code}\n})()`, `${kind}-script.js`);
    const fn = vm.evalCode(`(async function () {${code}\n})`, `${kind}-script.js`);
    if (fn.error) return fn;
    try {
      return vm.callFunction(live.runAsync, vm.undefined, fn.value);
    } finally {
      fn.value.dispose();
    }
  }

  private read(json: string, ctx: ScriptContext, failed: (e: string) => ScriptResult): ScriptResult {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (err) {
      return failed(`the script's results are not JSON: ${(err as Error).message}`);
    }
    const parsed = OutputSchema.safeParse(raw);
    if (!parsed.success) return failed(`the script's results are malformed: ${parsed.error.issues[0]?.message ?? ''}`);
    const out = parsed.data;
    return { tests: out.tests, assertions: out.assertions, unsupported: out.unsupported, logs: out.logs, vars: { ...out.vars, iterationData: ctx.vars.iterationData },
      ...(out.error !== undefined ? { error: out.error } : {}), ...(out.requestHeaders ? { requestHeaders: out.requestHeaders } : {}),
      ...(out.requestBody !== undefined ? { requestBody: out.requestBody } : {}), ...(out.requestUrl !== undefined ? { requestUrl: out.requestUrl } : {}) };
  }

  close(): void {
    const live = this.live;
    if (!live) return;
    this.live = undefined;
    try {
      for (const h of [live.begin, live.finish, live.runAsync, live.controller]) h.dispose();
      live.vm.dispose();
      live.rt.dispose();
    } catch (err) {
      // QuickJS aborts when a runtime it cannot free cleanly is disposed: the results are already out,
      // so only the module is dropped (the next run loads a new one); anything else is a bug.
      if (!(err instanceof Error) || !/Aborted|RuntimeError/.test(`${err.name} ${err.message}`)) throw err;
      loading = undefined;
    }
  }
}
