import { describe, expect, it } from 'vitest';
import { ImportError, importFile } from '../../../electron/importers';
import { fixture } from './helpers';

const CASES: Array<[format: string, file: string, message: RegExp]> = [
  ['postman', 'truncated.postman_collection.json', /truncated\.postman_collection\.json: not valid JSON: the file ends too early/],
  ['auto', 'truncated.postman_collection.json', /not valid JSON/],
  ['postman', 'postman-v1.json', /Postman collection format v1 is not supported: export it from Postman as Collection v2\.1/],
  ['auto', 'postman-v1.json', /v1 is not supported/],
  ['auto', 'no-entries.har', /not a HAR file/],
  ['insomnia', 'insomnia-v3.json', /Insomnia export format 3 is not supported/],
  ['auto', 'insomnia-v3.json', /Insomnia export format 3 is not supported/],
  ['openapi', 'swagger-2.0.yaml', /Swagger 2\.0 is not supported: convert it to OpenAPI 3/],
  ['auto', 'swagger-2.0.yaml', /Swagger 2\.0 is not supported/],
  ['auto', 'junk.bin', /junk\.bin: is binary data, not a text export/],
  ['postman', 'empty.json', /empty\.json: is empty/],
  ['openapi', 'tabs.yaml', /tabs\.yaml: not valid YAML at line 3, column 1: tabs are not allowed/],
  ['har', 'no-entries.har', /no-entries\.har: not a HAR file: `log\.entries` is missing/],
  ['bruno', 'bad-bruno', /broken\.bru: not a valid \.bru file: line 6: block 'get' is never closed \(line 10 starts block 'body:json \{' first\)/],
  ['bruno', 'postman-v1.json', /not a Bruno collection folder/],
  ['curl', 'postman-v1.json', /no curl command|not a curl command/],
  ['har', 'does-not-exist.har', /does-not-exist\.har: no such file/],
  ['zip', 'empty.json', /unknown format 'zip'/],
];

describe('broken inputs: a clear ImportError naming the file, never a crash', () => {
  it.each(CASES)('%s %s', async (format, file, message) => {
    const err = await importFile(format, fixture('broken', file)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(file.replace(/^bad-bruno$/, 'bad-bruno'));
    expect((err as Error).message).not.toMatch(/\n\s+at /);
  });
});
