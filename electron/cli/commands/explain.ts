import { readFile } from 'node:fs/promises';
import { ExplainInputError, explain, parseExplainInput } from '../../../shared/explain';
import { EXIT_OK, UsageError } from '../exit-codes';
import { guardExplainJson } from './explain-guard';
import { colorEnabled, palette } from '../output/colors';
import { formatExplanation } from '../output/format-explanation';

export interface ExplainFlags { json?: boolean; url?: string }

const MAX_INPUT = 512 * 1024 * 1024;

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_INPUT) throw new UsageError('standard input is larger than 512 MB');
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a directory' : err.message}`);
  });
}

/** `clearance explain`: offline, instant: which layer refused each response, why, and what to do. */
export async function runExplain(file: string, flags: ExplainFlags): Promise<number> {
  const text = await readInput(file);
  guardExplainJson(text, file === '-' ? 'stdin' : file);
  let inputs;
  try {
    inputs = parseExplainInput(text);
  } catch (err) {
    if (err instanceof ExplainInputError) throw new UsageError(`${file === '-' ? 'stdin' : file}: ${err.message}`);
    throw err;
  }
  // a HAR entry's or JSON file's own URL wins over --url
  const results = inputs.map((input) => explain(flags.url && !input.url ? { ...input, url: flags.url } : input));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return EXIT_OK;
  }
  const p = palette(colorEnabled(process.stdout));
  const out = results.map((e, i) => formatExplanation(e, p, results.length > 1 ? `#${i + 1}` : undefined));
  process.stdout.write(`${out.join('\n\n')}\n`);
  return EXIT_OK;
}
