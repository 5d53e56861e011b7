// Preloaded into a CLI process (NODE_OPTIONS=--import) by tests that check which modules a command
// loads: every module URL it loads is appended to the file CLEARANCE_RECORD_LOADS names.
import { register } from 'node:module';

register(new URL('./record-loads-hooks.mjs', import.meta.url));
