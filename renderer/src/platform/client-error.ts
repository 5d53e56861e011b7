import type { ErrorInfo } from '../../../shared/contract';

/** A failed contract call, carrying the backend's code, message, reason and remedy. */
export class ClientError extends Error {
  readonly code: string;
  readonly reason?: string;
  readonly remedy?: string;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ClientError';
    this.code = info.code;
    this.reason = info.reason;
    this.remedy = info.remedy;
  }

  get info(): ErrorInfo {
    return { code: this.code, message: this.message, reason: this.reason, remedy: this.remedy };
  }
}

export function toClientError(err: unknown): ClientError {
  if (err instanceof ClientError) return err;
  return new ClientError({ code: 'internal', message: err instanceof Error ? err.message : String(err) });
}
