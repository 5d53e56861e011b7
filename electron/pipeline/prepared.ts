// The PreparedRequest: what one request puts on the wire, decided before anything is sent. Every
// caller (app tabs, `clearance send`, `run`, `serve`, the exporters, the diagnosis) gets one from
// prepare() and hands it to sendPrepared() or an exporter; nothing else resolves variables or places
// a key. It is plain data: the diagnosis may copy it, edit a header and send the copy.
import type {
  Body, GatewayProfile, KeyProfile, KeyValue, ResolvedSecrets, SendOptionsInput, TimelineEvent, WireHeader,
} from '../../shared/model';
import type { UnresolvedVariable, UsedVariable } from '../../shared/variables/interpolate';
import type { HistoryEntry } from '../../shared/contract/history';

/** Key kinds whose header is computed while sending: a signature, a fetched token, a 401 challenge. */
export type DeferredAuth = 'signature' | 'token' | 'challenge';

export interface PreparedKey {
  name: string;
  kind: KeyProfile['kind'];
  profile: KeyProfile;
  /** field → value (or `{{name}}` when prepared for an export) */
  secrets: ResolvedSecrets;
  /** the host binding that allowed this URL (`api.example.com:443`) */
  boundTo: string;
  /** what is still done at send time; exports say they cannot express it */
  deferred?: DeferredAuth;
  /** query parameters the key added (an api-key `in: query`) */
  queryParams?: string[];
}

export interface PreparedRequest {
  method: string;
  /** the URL after the gateway's rewrite, without the query rows below */
  url: string;
  /** enabled query rows in order: the request's own, then the key's (`in: query`) */
  params: KeyValue[];
  /**
   * Every header but the per-hop ones the engine computes (Host, Connection, Content-Length), in
   * wire order, each with its origin: default, user, folder, collection, gateway, auth. A later layer
   * wins over a same-named earlier one, as on the wire.
   */
  headers: WireHeader[];
  /** a Host header the user wrote (sent instead of the URL's host on the first hop) */
  host?: string;
  /** user rows the engine manages itself (Content-Length...), reported and not sent */
  ignored: string[];
  /** a Content-Type the user or a layer set (else the engine's default for the body kind is sent) */
  userContentType: boolean;
  body: Body;
  /** request-file options, then the gateway's, then the caller's overrides */
  options: SendOptionsInput;
  key?: PreparedKey;
  gateway?: { name: string; profile: GatewayProfile };
  /** what the layers did, in order: shown as timeline `info` events */
  notes: string[];
  /** every secret value in play (environment, key, gateway), for redaction */
  secrets: string[];
  used: UsedVariable[];
  /** variables left unresolved; sendPrepared refuses to send while any remain, exports keep `{{name}}` */
  unresolved: UnresolvedVariable[];
  /** true when secrets are `{{name}}` placeholders (exports): such a request is never sent */
  placeholders: boolean;
  /** where the request came from, for history */
  source?: HistoryEntry['source'];
}

/** What a caller passes to sendPrepared besides the request. */
export interface SendHooks {
  signal?: AbortSignal;
  /** registers the send so `requests.cancel({sendId})` aborts it, whichever service started it */
  sendId?: string;
  /** every timeline event as it happens (the app streams them to the window) */
  onEvent?: (e: TimelineEvent) => void;
  bodyDir?: string;
  /** a big body keeps only its preview (SendContext.previewOnly): a run's request nothing reads the whole body of */
  previewOnly?: boolean;
  /** records the outcome (response or failure) */
  history?: { record(outcome: import('../workspace/history/entry').SendOutcome): Promise<unknown> } | undefined;
  /** clock for signatures and token expiry (default Date.now) */
  now?: () => number;
}
