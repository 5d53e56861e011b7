import type { Producer } from '../types';

/** Package registries and mirrors, app-store and mobile platform APIs, maps, weather and open-data APIs. */
export const REGISTRY_PLATFORM_PRODUCERS: Producer[] = [];
