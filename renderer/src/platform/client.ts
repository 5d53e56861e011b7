import type { ServiceClient, ServiceDef } from '../../../shared/contract';
import { ClientError } from './client-error';
import type { Transport } from './transport';

/** A typed client generated from a contract object: one async function per method. */
export function createClient<S extends ServiceDef>(def: S, transport: Transport): ServiceClient<S> {
  const client: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const [name, method] of Object.entries(def.methods)) {
    client[name] = async (args: unknown) => {
      const result = await transport.invoke(method.channel, args ?? {});
      if (!result || typeof result !== 'object' || !('ok' in result)) {
        throw new ClientError({ code: 'bad-response', message: `${method.channel}: the backend sent no result envelope` });
      }
      if (!result.ok) throw new ClientError(result.error);
      const parsed = method.result.safeParse(result.value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new ClientError({
          code: 'bad-response',
          message: `${method.channel}: unexpected result at ${first?.path.join('.') || 'value'}: ${first?.message ?? 'invalid'}`,
        });
      }
      return parsed.data;
    };
  }
  return client as ServiceClient<S>;
}
