import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../../electron/workspace/json-schemas';

const SCHEMA_DIR = join(process.cwd(), 'resources', 'schemas');

describe('JSON Schemas of the workspace files', () => {
  it('the committed resources/schemas/*.json equal what scripts/gen-schemas.ts generates (run it after changing a schema)', async () => {
    const files = schemaFiles();
    expect(Object.keys(files).sort()).toEqual(['environment.schema.json', 'folder.schema.json', 'request.schema.json', 'workspace.schema.json']);
    for (const [name, text] of Object.entries(files)) {
      const committed = await readFile(join(SCHEMA_DIR, name), 'utf8').catch(() => '(missing)');
      expect(committed, `${name} is stale: run npx tsx scripts/gen-schemas.ts`).toBe(text);
    }
  });

  it('describes what a person writes: required fields, enabled optional, no unknown keys', () => {
    const request = JSON.parse(schemaFiles()['request.schema.json']!) as {
      required: string[]; additionalProperties: boolean; properties: { headers: { items: { required: string[] } }; body: { oneOf?: unknown[]; anyOf?: unknown[] } };
    };
    expect(request.required).toEqual(['name', 'method', 'url']);
    expect(request.additionalProperties).toBe(false);
    expect(request.properties.headers.items.required).toEqual(['name', 'value']);
    expect((request.properties.body.oneOf ?? request.properties.body.anyOf)?.length).toBe(6);
  });
});
