import { z } from 'zod';
import { defineService } from './define';
import { MAX_FOLDER_FILES, folderPathClash, folderPathProblem } from './import-paths';

const MAX_CONTENT = 64 * 1024 * 1024;

export const ImportFormatSchema = z.enum(['auto', 'postman', 'insomnia', 'bruno', 'openapi', 'har', 'curl']);

/** One file of a picked or dropped folder: its path inside the folder and its content. */
export const ImportFolderFileSchema = z.object({
  path: z.string().superRefine((p, ctx) => {
    const problem = folderPathProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: `folder file path ${JSON.stringify(p.slice(0, 300))} ${problem}` });
  }),
  content: z.string().max(MAX_CONTENT),
  encoding: z.enum(['text', 'base64']).default('text'),
});

export const ImportRunArgsSchema = z.object({
  format: ImportFormatSchema.default('auto'),
  /** the picked or dropped file's name (its extension helps some importers); a folder's own name */
  fileName: z.string().min(1).max(255),
  /** the file's content: text, or base64 when `encoding` is base64 (empty when `files` carries a folder) */
  content: z.string().max(MAX_CONTENT).default(''),
  encoding: z.enum(['text', 'base64']).default('text'),
  /** a folder instead of one file (a Bruno collection): its files, written to a private temp folder */
  files: z.array(ImportFolderFileSchema).min(1).max(MAX_FOLDER_FILES).optional(),
  /** absolute folder to write the collection to: new, empty, or an existing workspace without clashing files */
  outDir: z.string().min(1).max(4096),
}).superRefine((a, ctx) => {
  if (!a.files) return;
  const clash = folderPathClash(a.files.map((f) => f.path));
  if (clash) ctx.addIssue({ code: 'custom', path: ['files'], message: clash });
  const total = a.files.reduce((n, f) => n + f.content.length, 0);
  if (total > MAX_CONTENT) ctx.addIssue({ code: 'custom', path: ['files'], message: 'the folder\'s files are larger than 64 MiB together' });
  if (a.format !== 'auto' && a.format !== 'bruno') ctx.addIssue({ code: 'custom', path: ['format'], message: `a folder imports as bruno, not ${a.format}` });
  if (/[/\\]|^\.\.?$/.test(a.fileName)) ctx.addIssue({ code: 'custom', path: ['fileName'], message: 'a folder\'s name is one segment' });
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
    /** import a Postman/Insomnia/OpenAPI/HAR/curl file or a Bruno folder as a workspace; refuses (code `exists`) to overwrite any file */
    run: { channel: 'imports.run', args: ImportRunArgsSchema, result: ImportRunResultSchema },
  },
});
