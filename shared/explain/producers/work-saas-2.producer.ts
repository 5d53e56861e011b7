import type { Producer } from '../types';

/** Work and business SaaS APIs, continued (the first file is full). */
export const WORK_SAAS_PRODUCERS_2: Producer[] = [];
