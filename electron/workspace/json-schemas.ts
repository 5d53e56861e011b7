import { z } from 'zod';
import { EnvironmentFileSchema, FolderFileSchema, RequestFileSchema, WorkspaceFileSchema } from '../../shared/model';

const SCHEMAS = {
  workspace: { schema: WorkspaceFileSchema, title: 'Clearance workspace (clearance.yaml)' },
  folder: { schema: FolderFileSchema, title: 'Clearance folder (folder.yaml)' },
  request: { schema: RequestFileSchema, title: 'Clearance request file' },
  environment: { schema: EnvironmentFileSchema, title: 'Clearance environment (environments/<name>.yaml)' },
} as const;

/**
 * JSON Schemas of the workspace files (file name → JSON text), as committed under
 * resources/schemas/ by scripts/gen-schemas.ts; editors validate and complete YAML with them.
 */
export function schemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, { schema, title }] of Object.entries(SCHEMAS)) {
    // `input`: what a person writes (fields with defaults, like `enabled`, are optional).
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[`${name}.schema.json`] = `${JSON.stringify({ ...json, $id: `https://clearance.dev/schemas/${name}.schema.json`, title }, null, 2)}\n`;
  }
  return out;
}
