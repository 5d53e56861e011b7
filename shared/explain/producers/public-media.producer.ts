import type { Producer } from '../types';

/** Public-data, government, academic, news, media, social and game APIs (filled by family). */
export const PUBLIC_MEDIA_PRODUCERS: Producer[] = [];
