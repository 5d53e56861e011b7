import { z } from 'zod';
import { OMITTABLE_HEADERS } from './constants';

export const TimeoutsSchema = z.object({
  /** TCP (and TLS) connect. */
  connectMs: z.number().int().positive().default(10_000),
  /** From the request written to the first response byte (headers). */
  firstByteMs: z.number().int().positive().default(30_000),
  /** The whole exchange including redirects and the body download. */
  totalMs: z.number().int().positive().default(120_000),
});

export const RedirectsSchema = z.object({
  follow: z.boolean().default(true),
  max: z.number().int().min(0).max(100).default(10),
});

export const DecompressionSchema = z.object({
  enabled: z.boolean().default(true),
  /** Decoded bytes allowed before the body is refused as a decompression bomb. */
  maxBytes: z.number().int().positive().default(2 * 1024 * 1024 * 1024),
  /** Decoded/encoded ratio allowed once past 1 MiB decoded. */
  maxRatio: z.number().positive().default(200),
});

/** TLS material is given as PEM text or a file path; the engine reads paths itself. */
export const TlsSchema = z.object({
  verify: z.boolean().default(true),
  ca: z.string().optional(),
  cert: z.string().optional(),
  key: z.string().optional(),
  /** Path of a PKCS#12 file. */
  pfx: z.string().optional(),
  passphrase: z.string().optional(),
  /** SNI and certificate-name override. */
  servername: z.string().optional(),
});

export const ProxySchema = z.object({
  /** http://host:port (HTTPS targets go through CONNECT). */
  url: z.string(),
  username: z.string().optional(),
  password: z.string().optional(),
  /** Hosts reached directly: exact names, `.suffix` / `*.suffix`, or `*`. */
  noProxy: z.array(z.string()).default([]),
});

/** curl's --resolve / --connect-to: send host:port to another address without touching the URL. */
export const ConnectToSchema = z.object({
  host: z.string(),
  port: z.number().int().min(0).max(65535).optional(),
  toHost: z.string(),
  toPort: z.number().int().min(1).max(65535).optional(),
});

/**
 * 'auto': offer h2 and http/1.1 by ALPN over TLS, HTTP/1.1 on http://; '1.1': never HTTP/2;
 * '2': HTTP/2 or a clear failure (over TLS by ALPN; on http:// with prior knowledge, h2c).
 */
export const HttpVersionSchema = z.enum(['auto', '1.1', '2']);
export type HttpVersion = z.infer<typeof HttpVersionSchema>;

export { OMITTABLE_HEADERS };
export const OmittableHeaderSchema = z.enum(OMITTABLE_HEADERS);
export type OmittableHeader = z.infer<typeof OmittableHeaderSchema>;

export const SendOptionsSchema = z.object({
  timeouts: TimeoutsSchema.default(TimeoutsSchema.parse({})),
  redirects: RedirectsSchema.default(RedirectsSchema.parse({})),
  decompression: DecompressionSchema.default(DecompressionSchema.parse({})),
  tls: TlsSchema.default(TlsSchema.parse({})),
  proxy: ProxySchema.optional(),
  connectTo: z.array(ConnectToSchema).default([]),
  httpVersion: HttpVersionSchema.default('auto'),
  /** Bodies up to this many decoded bytes stay in memory; larger ones stream to a file. */
  inlineBodyLimit: z.number().int().positive().default(1024 * 1024),
  /** Hard cap on a body written to disk. */
  maxBodyBytes: z.number().int().positive().default(4 * 1024 * 1024 * 1024),
  /** Default headers not sent (lower-case names; a header the request sets itself is sent regardless). */
  omitDefaultHeaders: z.array(OmittableHeaderSchema).default([]),
});
export type SendOptions = z.infer<typeof SendOptionsSchema>;
export type SendOptionsInput = z.input<typeof SendOptionsSchema>;
