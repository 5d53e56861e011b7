import { z } from 'zod';

/** Errors cross every transport as data (Signal's wrapResult), never as thrown objects. */
export const ErrorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  reason: z.string().optional(),
  remedy: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Thrown by services with a typed code; bindContract turns it into `{ok: false, error}`. */
export class ContractError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ContractError';
    this.info = info;
  }
}

/** Anything with an `info: {code, message}` (engine SendFailure, ContractError) keeps its code. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err && typeof err === 'object' && 'info' in err) {
    const parsed = ErrorInfoSchema.safeParse((err as { info: unknown }).info);
    if (parsed.success) return parsed.data;
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
