import type { ServiceClient, ServiceDef } from '../../../shared/contract';
import { ClientError } from './client-error';
import type { Transport } from './transport';

/**
 * A typed client for one service: one async function per method, each calling channel
 * `<service>.<method>` (defineService enforces that naming). The contract, which checks each result,
 * is loaded on the first call while the request is already on its way: the first paint builds no schema.
 */
export function createClient<S extends ServiceDef>(service: string, transport: Transport, contract: () => Promise<ServiceDef>): ServiceClient<S> {
  const call = async (name: string, args: unknown): Promise<unknown> => {
    const channel = `${service}.${name}`;
    const [result, def] = await Promise.all([transport.invoke(channel, args ?? {}), contract()]);
    const method = def.methods[name];
    if (!method) throw new ClientError({ code: 'bad-response', message: `${channel}: no such method in the contract` });
    if (!result || typeof result !== 'object' || !('ok' in result)) {
      throw new ClientError({ code: 'bad-response', message: `${channel}: the backend sent no result envelope` });
    }
    if (!result.ok) throw new ClientError(result.error);
    const parsed = method.result.safeParse(result.value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new ClientError({
        code: 'bad-response',
        message: `${channel}: unexpected result at ${first?.path.join('.') || 'value'}: ${first?.message ?? 'invalid'}`,
      });
    }
    return parsed.data;
  };
  const methods = new Map<string, (args: unknown) => Promise<unknown>>();
  // Method names come from the contract's type; the object answers any of them without building it.
  return new Proxy({} as ServiceClient<S>, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined; // not a thenable, no symbols
      let fn = methods.get(name);
      if (!fn) methods.set(name, (fn = (args: unknown) => call(name, args)));
      return fn;
    },
  });
}
