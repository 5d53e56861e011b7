import type { Producer } from '../types';

/** Payment, commerce, telecom and IoT APIs, continued (the first file is full). */
export const COMMERCE_PAYMENT_PRODUCERS_2: Producer[] = [];
