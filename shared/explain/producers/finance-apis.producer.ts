import type { Producer } from '../types';

/** Payments, banking, market-data and crypto-exchange APIs, each with its own error envelope and vocabulary. */
export const FINANCE_API_PRODUCERS: Producer[] = [];
