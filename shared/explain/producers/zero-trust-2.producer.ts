import type { Producer } from '../types';

/** Zero-trust access proxies and web filters, continued (the first file is full). */
export const ZERO_TRUST_PRODUCERS_2: Producer[] = [];
