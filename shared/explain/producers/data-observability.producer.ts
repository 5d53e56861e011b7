import type { Producer } from '../types';

/** Databases', search engines', vector stores' and observability tools' HTTP APIs (filled by family). */
export const DATA_OBSERVABILITY_PRODUCERS: Producer[] = [];
