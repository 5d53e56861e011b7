import type { Producer } from '../types';

/** Web frameworks and application servers not covered by frameworks.producer.ts (filled by family). */
export const FRAMEWORK_PRODUCERS_2: Producer[] = [];
