/** The CLI's exit statuses: 0 done, 1 the work ran and found failures, 2 bad input or usage. */
export const EXIT_CODE = { ok: 0, failure: 1, usage: 2 } as const;
