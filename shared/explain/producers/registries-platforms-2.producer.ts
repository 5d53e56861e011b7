import type { Producer } from '../types';

/** Package registries, app platforms, maps, weather and open-data APIs, continued (the first file is full). */
export const REGISTRY_PLATFORM_PRODUCERS_2: Producer[] = [];
