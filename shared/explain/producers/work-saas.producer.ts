import type { Producer } from '../types';

/** Work and business SaaS APIs (project tools, CRM/ERP, documents, e-commerce marketplaces) with their own error envelopes. */
export const WORK_SAAS_PRODUCERS: Producer[] = [];
