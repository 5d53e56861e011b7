import type { SendContext } from '../send';
import type { Body, KeyProfile, ResolvedSecrets, ResponseRecord, SendOptionsInput, TimelineEvent, WireHeader } from '../../../shared/model';

/** The request as it will go out, for signers: final URL (params included), headers, body. */
export interface FinalRequest {
  method: string;
  url: URL;
  /** every header that will be sent except the engine's defaults and computed ones */
  headers: ReadonlyArray<{ name: string; value: string }>;
  /** Content-Type the engine will send for this body, if any */
  contentType?: string;
  body: Body;
}

/** What a key contributes to a request. */
export interface AuthEdits {
  /** headers with origin 'auth' */
  headers: WireHeader[];
  /** query parameters appended to the URL */
  query: Array<{ name: string; value: string }>;
  /** computes headers from the final request (SigV4) */
  sign?: (req: FinalRequest) => Promise<WireHeader[]>;
  /**
   * Called once when the first response is 401: returns the headers for one more try
   * (digest's challenge, a refreshed OAuth token) or null to keep the 401.
   */
  retryOn401?: (res: ResponseRecord, req: FinalRequest) => Promise<WireHeader[] | null>;
  /** what the key did at send time (an OAuth token exchange), for the send's final timeline; grows on a retry */
  timeline?: TimelineEvent[];
}

/** What auth code may use: the engine's own send (token endpoints go through it) and a clock. */
export interface AuthEnv {
  send: (request: import('../../../shared/model').RequestSpecInput, options: SendOptionsInput | undefined, ctx: SendContext) => Promise<ResponseRecord>;
  options?: SendOptionsInput;
  ctx: SendContext;
  now: () => number;
}

export type ApplyKey<P extends KeyProfile> = (profile: P, secrets: ResolvedSecrets, env: AuthEnv) => Promise<AuthEdits> | AuthEdits;

export function authHeader(name: string, value: string): WireHeader {
  return { name, value, origin: 'auth' };
}
