import type { Producer } from '../types';

/** CDNs, WAFs, anti-DDoS services and bot or queue challenges not covered elsewhere (filled by family). */
export const EDGE_SECURITY_PRODUCERS: Producer[] = [];
