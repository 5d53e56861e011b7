import type { Producer } from '../types';

/** AI inference platforms, CI services and package registries (filled by family). */
export const AI_CI_REGISTRY_PRODUCERS: Producer[] = [];
