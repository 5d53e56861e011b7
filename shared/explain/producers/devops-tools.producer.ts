import type { Producer } from '../types';

/** Self-hosted developer and operations tools (CI servers, code quality, notebooks, file sync, cluster managers, chat) with their own refusal pages or envelopes. */
export const DEVOPS_TOOL_PRODUCERS: Producer[] = [];
