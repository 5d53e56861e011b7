import type { Producer } from '../types';

/** Public-data, media, social and game APIs, continued (the first file is full). */
export const PUBLIC_MEDIA_PRODUCERS_2: Producer[] = [];
