import type { Producer } from '../types';

/** API gateways, service meshes, policy engines, app platforms and backends-as-a-service (filled by family). */
export const GATEWAY_PLATFORM_PRODUCERS: Producer[] = [];
