import type { Producer } from '../types';

/** Gateways and app platforms, continued (the first file is full). */
export const GATEWAY_PLATFORM_PRODUCERS_2: Producer[] = [];
