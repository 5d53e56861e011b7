// The JSON check of a large body (use-json-check.ts), off the window's thread.
import { serveCalls } from '../../lib/worker-calls';
import { checkJson } from './json-check';

serveCalls(checkJson);
