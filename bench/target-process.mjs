// Runs the loopback target in its own process; reports its base URL; exits with its parent.
import { startTarget } from './lib.mjs';
const t = await startTarget();
process.send(t.base);
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(0), 10 * 60_000).unref();
