// Imported first by main.tsx: zod 4 probes `new Function('')` on its first object parse, which the
// CSP (script-src 'self', no 'unsafe-eval') reports as a violation. Jitless mode never tries.
import { z } from 'zod';

z.config({ jitless: true });
