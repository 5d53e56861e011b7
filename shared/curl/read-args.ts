// Turns shell words into curl options (short, combined short, long, --long=value) and URLs.
import { CurlParseError } from './errors';
import { longFlag, shortFlag, type FlagDef } from './flags';
import type { Word } from './tokenize';

export interface CurlArg {
  def: FlagDef;
  /** The option as written, e.g. `-H` or `--header`, for messages. */
  name: string;
  value: string;
  /** `--no-location` style. */
  negated: boolean;
}

export interface ReadArgs {
  args: CurlArg[];
  urls: string[];
  warnings: string[];
}

const OPERATORS = new Set(['|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '1>', '&>']);

function needsValue(name: string): CurlParseError {
  return new CurlParseError(`option ${name} needs a value`);
}

/** Reads the words after `curl`. Throws CurlParseError for unknown options and missing values. */
export function readArgs(words: readonly Word[]): ReadArgs {
  const args: CurlArg[] = [];
  const urls: string[] = [];
  const warnings: string[] = [];
  let optionsDone = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const w = word.value;
    if (word.bare && OPERATORS.has(w)) {
      warnings.push(`ignored everything from \`${w}\` on: only the curl command is imported`);
      break;
    }
    if (optionsDone || !w.startsWith('-') || w === '-') {
      urls.push(w);
      continue;
    }
    if (w === '--') {
      optionsDone = true;
      continue;
    }
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      const longName = eq < 0 ? w.slice(2) : w.slice(2, eq);
      const name = `--${longName}`;
      let def = longFlag(longName);
      let negated = false;
      if (!def && longName.startsWith('no-')) {
        const base = longFlag(longName.slice(3));
        if (base && !base.takesValue) {
          def = base;
          negated = true;
        }
      }
      if (!def) throw new CurlParseError(`unknown curl option ${name}`);
      if (!def.takesValue) {
        if (eq >= 0) throw new CurlParseError(`option ${name} does not take a value`);
        args.push({ def, name, value: '', negated });
        continue;
      }
      let value: string;
      if (eq >= 0) value = w.slice(eq + 1);
      else {
        const next = words[++i];
        if (next === undefined) throw needsValue(name);
        value = next.value;
      }
      args.push({ def, name, value, negated });
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const letter = w[j]!;
      const def = shortFlag(letter);
      const name = `-${letter}`;
      if (!def) throw new CurlParseError(`unknown curl option ${name}`);
      if (!def.takesValue) {
        args.push({ def, name, value: '', negated: false });
        continue;
      }
      let value = w.slice(j + 1);
      if (value === '') {
        const next = words[++i];
        if (next === undefined) throw needsValue(name);
        value = next.value;
      }
      args.push({ def, name, value, negated: false });
      break;
    }
  }
  return { args, urls, warnings };
}
