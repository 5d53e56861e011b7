import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RequestSpecSchema, type RequestSpec } from '../../shared/model';
import { UsageError } from './exit-codes';

// Headers may be written as a map (`Accept: application/json`) or as table rows.
const HeadersInput = z.union([
  z.record(z.string(), z.string()).transform((m) => Object.entries(m).map(([name, value]) => ({ name, value, enabled: true }))),
  RequestSpecSchema.shape.headers,
]);
const FileSchema = RequestSpecSchema.extend({ headers: HeadersInput.default([]), params: HeadersInput.default([]) });

/** Reads one request from a YAML or JSON file. */
export async function loadRequestFile(path: string): Promise<RequestSpec> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read request file ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  });
  // yaml loads only when a file is read: a curl send stays lean at start-up.
  const { MAX_WORKSPACE_FILE, parseYaml } = await import('../workspace/yaml-text');
  const parsedYaml = parseYaml(text, { maxBytes: MAX_WORKSPACE_FILE });
  if (!parsedYaml.ok) {
    const { line, column, message } = parsedYaml.problem;
    throw new UsageError(`${path}:${line}:${column}: not valid YAML/JSON: ${message.replace(/^YAML: /, '')}`);
  }
  const raw = parsedYaml.value;
  const doc = raw && typeof raw === 'object' && 'request' in raw ? (raw as { request: unknown }).request : raw;
  const parsed = FileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${path}: ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
