import { z } from 'zod';

/** A key/value row as tables show it: disabled rows stay in the file but are not sent. */
export const KeyValueSchema = z.object({
  name: z.string(),
  value: z.string(),
  enabled: z.boolean().default(true),
});
export type KeyValue = z.infer<typeof KeyValueSchema>;

export const MultipartPartSchema = z.object({
  name: z.string(),
  /** Text value; ignored when `file` is set. */
  value: z.string().optional(),
  /** Path of a file on disk whose bytes are sent as this part. */
  file: z.string().optional(),
  filename: z.string().optional(),
  contentType: z.string().optional(),
  enabled: z.boolean().default(true),
});
export type MultipartPart = z.infer<typeof MultipartPartSchema>;

export const BodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('json'), text: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string(), contentType: z.string().optional() }),
  z.object({ kind: z.literal('form'), fields: z.array(KeyValueSchema) }),
  z.object({ kind: z.literal('multipart'), parts: z.array(MultipartPartSchema) }),
  z.object({ kind: z.literal('binary'), file: z.string(), contentType: z.string().optional() }),
]);
export type Body = z.infer<typeof BodySchema>;
export type BodyKind = Body['kind'];

/** A request as the user wrote it, after variables are resolved: what the engine sends. */
export const RequestSpecSchema = z.object({
  method: z.string().min(1).max(32),
  url: z.string(),
  params: z.array(KeyValueSchema).default([]),
  headers: z.array(KeyValueSchema).default([]),
  body: BodySchema.default({ kind: 'none' }),
});
export type RequestSpec = z.infer<typeof RequestSpecSchema>;
export type RequestSpecInput = z.input<typeof RequestSpecSchema>;

export { HTTP_METHODS } from './constants';
