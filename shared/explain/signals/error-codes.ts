import type { CauseRule } from '../types';

/** Causes read from vendors' error-code tokens in structured places (JSON code fields, XML <Code>, error headers). */
export const ERROR_CODE_RULES: CauseRule[] = [];
