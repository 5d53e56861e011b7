import type { Producer } from '../types';

/** Payment, commerce, trading, telecom, e-mail and IoT APIs (filled by family). */
export const COMMERCE_PAYMENT_PRODUCERS: Producer[] = [];
