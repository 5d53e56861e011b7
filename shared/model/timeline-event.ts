import { z } from 'zod';

/**
 * Where a header sent on the wire came from (Yaak-style provenance). 'folder' and 'collection' are
 * default headers a workspace folder or the collection root gave the request; 'environment' is kept
 * for headers an environment injects.
 */
export const HeaderOriginSchema = z.enum(['user', 'default', 'computed', 'auth', 'gateway', 'folder', 'collection', 'environment']);
export type HeaderOrigin = z.infer<typeof HeaderOriginSchema>;

export const WireHeaderSchema = z.object({
  name: z.string(),
  value: z.string(),
  origin: HeaderOriginSchema,
  /** holds a secret: never carried to another origin on a redirect, redacted in history and reports */
  sensitive: z.boolean().optional(),
});
export type WireHeader = z.infer<typeof WireHeaderSchema>;

/** The request exactly as it went on the wire for one hop. */
export const WireRequestSchema = z.object({
  method: z.string(),
  url: z.string(),
  /** e.g. `GET /path?q=1 HTTP/1.1`, or `… HTTP/2` when HTTP/2 carried it */
  requestLine: z.string(),
  headers: z.array(WireHeaderSchema),
  bodyBytes: z.number().int().nonnegative().nullable(),
  /** proxy used for this hop, if any (credentials removed) */
  proxy: z.string().optional(),
  /** query parameter names (as written in the URL) whose value holds a secret: views mask them until revealed */
  sensitiveParams: z.array(z.string()).optional(),
});
export type WireRequest = z.infer<typeof WireRequestSchema>;

export const RedirectHopSchema = z.object({
  status: z.number().int(),
  from: z.string(),
  location: z.string(),
  method: z.string(),
  /** Headers not carried to the next hop (Authorization/Cookie on a cross-origin hop, body headers on a 303). */
  droppedHeaders: z.array(z.string()),
  droppedBody: z.boolean(),
  crossOrigin: z.boolean(),
});
export type RedirectHop = z.infer<typeof RedirectHopSchema>;

/**
 * `part`: the event belongs to a request made on the way to this one, not to it — `oauth2-token`,
 * the token exchange of an OAuth 2 client credentials key at send time.
 */
const part = { part: z.literal('oauth2-token').optional() };

export const TimelineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request.url'), t: z.number(), ...part, method: z.string(), url: z.string() }),
  // sensitive: the header holds a secret (as its wire header says); views mask it until revealed.
  z.object({ type: z.literal('header.out'), t: z.number(), ...part, name: z.string(), value: z.string(), origin: HeaderOriginSchema,
    sensitive: z.boolean().optional() }),
  z.object({ type: z.literal('header.in'), t: z.number(), ...part, name: z.string(), value: z.string() }),
  z.object({ type: z.literal('dns'), t: z.number(), ...part, host: z.string(), address: z.string().optional(), ms: z.number() }),
  z.object({ type: z.literal('connect'), t: z.number(), ...part, address: z.string(), reused: z.boolean(), ms: z.number() }),
  z.object({ type: z.literal('tls'), t: z.number(), ...part, protocol: z.string().optional(), alpn: z.string().optional(),
    servername: z.string().optional(), clientCertSent: z.boolean(), ms: z.number() }),
  z.object({ type: z.literal('proxy'), t: z.number(), ...part, url: z.string(), tunnel: z.boolean() }),
  z.object({ type: z.literal('redirect'), t: z.number(), ...part, hop: RedirectHopSchema }),
  z.object({ type: z.literal('info'), t: z.number(), ...part, message: z.string() }),
  z.object({ type: z.literal('error'), t: z.number(), ...part, code: z.string(), message: z.string() }),
]);
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
