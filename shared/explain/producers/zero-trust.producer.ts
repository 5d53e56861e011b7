import type { Producer } from '../types';

/** Zero-trust access proxies, identity-aware proxies and school or corporate web filters that refuse before the app. */
export const ZERO_TRUST_PRODUCERS: Producer[] = [];
