// parseCurl: a pasted curl command line → RequestSpec + SendOptionsInput + warnings.
import type { RequestSpec } from '../model/request';
import type { SendOptionsInput } from '../model/send-options';
import { applyArg } from './apply';
import { buildOptions, buildRequest } from './build';
import { CurlParseError } from './errors';
import { readArgs } from './read-args';
import { emptyState } from './state';
import { tokenize } from './tokenize';
import { looksLikeCmd, tokenizeCmd } from './tokenize-cmd';

export interface ParsedCurl {
  request: RequestSpec;
  options: SendOptionsInput;
  warnings: string[];
}

const CURL_WORD = /^(?:.*[\\/])?curl(?:\.exe)?$/i;

/** Parses a bash-style curl command (Chrome's cmd.exe style is recognised too). Throws CurlParseError when it cannot be imported faithfully. */
export function parseCurl(command: string): ParsedCurl {
  const { words, warnings: shellWarnings } = looksLikeCmd(command) ? tokenizeCmd(command) : tokenize(command);
  const first = words[0];
  if (first === undefined) throw new CurlParseError('empty command: expected curl followed by a URL');
  if (!CURL_WORD.test(first.value)) {
    throw new CurlParseError(`not a curl command: it starts with "${first.value}"`);
  }
  const { args, urls, warnings: argWarnings } = readArgs(words.slice(1));
  const state = emptyState();
  // concat, not push(...): a spread passes each item as an argument, and 130,000 overflow the stack.
  state.warnings = state.warnings.concat(shellWarnings, argWarnings);
  state.urls = state.urls.concat(urls);
  for (const arg of args) applyArg(state, arg);
  const request = buildRequest(state);
  const options = buildOptions(state);
  return { request, options, warnings: state.warnings };
}
