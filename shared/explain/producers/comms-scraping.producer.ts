import type { Producer } from '../types';

/** Messaging and telecom APIs (SMS, voice, push), scraping proxy networks and search/scraping APIs, translation APIs. */
export const COMMS_SCRAPING_PRODUCERS: Producer[] = [];
