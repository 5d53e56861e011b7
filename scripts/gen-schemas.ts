// Writes resources/schemas/{workspace,folder,request,environment}.schema.json from the zod schemas.
// Run after changing shared/model/workspace.ts: npx tsx scripts/gen-schemas.ts
// (test/integration/workspace/schemas.test.ts fails while the committed files are stale.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFiles } from '../electron/workspace/json-schemas';

const dir = resolve(fileURLToPath(new URL('..', import.meta.url)), 'resources', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(schemaFiles())) {
  writeFileSync(join(dir, file), text);
  process.stdout.write(`wrote resources/schemas/${file}\n`);
}
