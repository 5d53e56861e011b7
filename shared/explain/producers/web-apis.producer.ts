import type { Producer } from '../types';

/** Consumer and platform web APIs (maps, weather, games, media, social, messaging, observability, CMS, model hosts) with their own error formats. */
export const WEB_API_PRODUCERS: Producer[] = [];
