import type { Producer } from '../types';

/** Self-hosted developer and operations tools, continued (the first file is full). */
export const DEVOPS_TOOL_PRODUCERS_2: Producer[] = [];
