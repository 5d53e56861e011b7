import type { Producer } from '../types';

/** Messaging, scraping and translation APIs, continued (the first file is full). */
export const COMMS_SCRAPING_PRODUCERS_2: Producer[] = [];
