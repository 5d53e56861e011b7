import { z } from 'zod';
import { RedirectHopSchema, TimelineEventSchema, WireRequestSchema } from './timeline-event';

/** A body small enough to keep in memory, a file on disk plus a preview, or (for a sender that reads no more) the preview alone. */
export const ResponseBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('inline'),
    /** utf8 for text-like bodies, base64 for binary ones */
    encoding: z.enum(['utf8', 'base64']),
    data: z.string(),
  }),
  z.object({
    kind: z.literal('file'),
    path: z.string(),
    /** first bytes of the decoded body, utf8 or base64 as `encoding` says */
    preview: z.string(),
    encoding: z.enum(['utf8', 'base64']),
  }),
  z.object({
    /** past the in-memory limit the body was counted (size.bodyDecoded), not kept: nothing was to read it (a run with no script or body check) */
    kind: z.literal('preview'),
    /** first bytes of the decoded body, utf8 or base64 as `encoding` says */
    preview: z.string(),
    encoding: z.enum(['utf8', 'base64']),
  }),
]);
export type ResponseBody = z.infer<typeof ResponseBodySchema>;

/** Milliseconds per phase; null where the phase did not happen (reused connection, plain HTTP). */
export const TimingsSchema = z.object({
  dns: z.number().nullable(),
  connect: z.number().nullable(),
  tls: z.number().nullable(),
  firstByte: z.number(),
  download: z.number(),
  total: z.number(),
});
export type Timings = z.infer<typeof TimingsSchema>;

export const ResponseRecordSchema = z.object({
  status: z.number().int(),
  statusText: z.string(),
  httpVersion: z.string(),
  /** In arrival order, duplicates kept (Set-Cookie, Via...). Names as received. */
  headers: z.array(z.tuple([z.string(), z.string()])),
  body: ResponseBodySchema,
  contentType: z.string().nullable(),
  size: z.object({
    headers: z.number().int().nonnegative(),
    /** body bytes as they came over the wire (compressed) */
    bodyWire: z.number().int().nonnegative(),
    /** body bytes after decoding */
    bodyDecoded: z.number().int().nonnegative(),
  }),
  timings: TimingsSchema,
  /** The final hop's request as sent. */
  wire: WireRequestSchema,
  redirects: z.array(RedirectHopSchema),
  timeline: z.array(TimelineEventSchema),
  remoteAddress: z.string().nullable(),
  url: z.string(),
});
export type ResponseRecord = z.infer<typeof ResponseRecordSchema>;

/** Case-insensitive lookup of the first value of a header. */
export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of headers) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The body as text for analysis: inline text, or the preview of a body on disk; '' for binary. */
export function recordBodyText(rec: Pick<ResponseRecord, 'body'>): string {
  if (rec.body.encoding !== 'utf8') return '';
  return rec.body.kind === 'inline' ? rec.body.data : rec.body.preview;
}
