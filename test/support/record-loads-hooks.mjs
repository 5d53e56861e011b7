// Module hooks (record-loads.mjs): record each loaded URL, then load it as usual.
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  const file = process.env.CLEARANCE_RECORD_LOADS;
  if (file) appendFileSync(file, `${url}\n`);
  return next(url, context);
}
