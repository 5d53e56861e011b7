import { SendOptionsSchema, type SendOptions, type SendOptionsInput } from '../../shared/model';

const DEFAULTS: SendOptions = SendOptionsSchema.parse({});
// Callers usually pass the same options object for many sends: parse it once.
const cache = new WeakMap<object, SendOptions>();

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export function normalizeOptions(input: SendOptionsInput | undefined): SendOptions {
  // A fresh `{}` per send (callers with nothing to set) must not cost a schema parse each time.
  if (!input || isEmpty(input)) return DEFAULTS;
  let parsed = cache.get(input);
  if (!parsed) {
    parsed = SendOptionsSchema.parse(input);
    cache.set(input, parsed);
  }
  return parsed;
}
