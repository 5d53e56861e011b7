import type { Producer } from '../types';

/** Data and observability APIs, continued (the first file is full). */
export const DATA_OBSERVABILITY_PRODUCERS_2: Producer[] = [];
