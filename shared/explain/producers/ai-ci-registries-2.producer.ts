import type { Producer } from '../types';

/** AI platforms, CI services and registries, continued (the first file is full). */
export const AI_CI_REGISTRY_PRODUCERS_2: Producer[] = [];
