import { SendOptionsSchema, type SendOptions, type SendOptionsInput } from '../../shared/model';

const DEFAULTS: SendOptions = SendOptionsSchema.parse({});
// Callers usually pass the same options object for many sends: parse it once.
const cache = new WeakMap<object, SendOptions>();

export function normalizeOptions(input: SendOptionsInput | undefined): SendOptions {
  if (!input) return DEFAULTS;
  let parsed = cache.get(input);
  if (!parsed) {
    parsed = SendOptionsSchema.parse(input);
    cache.set(input, parsed);
  }
  return parsed;
}
