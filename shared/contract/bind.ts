import type { ServiceDef, ServiceImpl } from './define';
import { toErrorInfo, type Result } from './result';

export type Handler = (rawArgs: unknown) => Promise<Result<unknown>>;

/**
 * One binding for every transport: parse the args with the contract's schema, call the service,
 * wrap the outcome. IPC (electron/main) and loopback HTTP (electron/serve) both register these.
 */
export function bindContract<S extends ServiceDef>(def: S, impl: ServiceImpl<S>): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const [name, method] of Object.entries(def.methods)) {
    const fn = (impl as Record<string, (a: unknown) => Promise<unknown>>)[name];
    if (typeof fn !== 'function') throw new Error(`service ${def.service} does not implement ${name}`);
    handlers.set(method.channel, async (rawArgs) => {
      const parsed = method.args.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first?.path.length ? first.path.join('.') : 'arguments';
        return { ok: false, error: { code: 'invalid-arguments', message: `${method.channel}: ${where}: ${first?.message ?? 'invalid'}` } };
      }
      try {
        return { ok: true, value: await fn.call(impl, parsed.data) };
      } catch (err) {
        return { ok: false, error: toErrorInfo(err) };
      }
    });
  }
  return handlers;
}
