import { z } from 'zod';
import { defineService } from './define';

export const ImportFormatSchema = z.enum(['auto', 'postman', 'insomnia', 'bruno', 'openapi', 'har', 'curl']);

export const ImportRunArgsSchema = z.object({
  format: ImportFormatSchema.default('auto'),
  /** the picked or dropped file's name (its extension helps some importers) */
  fileName: z.string().min(1).max(255),
  /** the file's content: text, or base64 when `encoding` is base64 */
  content: z.string().max(64 * 1024 * 1024),
  encoding: z.enum(['text', 'base64']).default('text'),
  /** absolute folder to write the collection to: new, empty, or an existing workspace without clashing files */
  outDir: z.string().min(1).max(4096),
});

export const ImportRunResultSchema = z.object({
  format: z.string(),
  /** the written workspace's real path (open it with workspace.open) */
  root: z.string(),
  requests: z.number().int(),
  environments: z.number().int(),
  keys: z.number().int(),
  gateways: z.number().int(),
  files: z.number().int(),
  /** what was not carried over or was changed, said plainly */
  warnings: z.array(z.string()),
});

export const importsContract = defineService({
  service: 'imports',
  methods: {
    /** import a Postman/Insomnia/OpenAPI/HAR/curl file as a workspace; refuses (code `exists`) to overwrite any file */
    run: { channel: 'imports.run', args: ImportRunArgsSchema, result: ImportRunResultSchema },
  },
});
