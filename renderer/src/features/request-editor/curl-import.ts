// A pasted curl command → the tab's method, URL, params, headers, body and send options.
import { CurlParseError, parseCurl, urlWithParams } from '../../../../shared/curl';
import { parseQuery } from '../../lib/url-query';
import { bodyDraftFrom, type Draft } from './draft';

/** True for text the URL field should import instead of pasting: `curl …`, one line or `\` continued. */
export function isCurlCommand(text: string): boolean {
  return /^curl\s/.test(text.trim());
}

/** The draft fields a paste replaces; on a parse error only the notice changes. */
export function draftFromCurl(draft: Draft, command: string): Partial<Draft> {
  let parsed;
  try {
    parsed = parseCurl(command.trim());
  } catch (err) {
    const message = err instanceof CurlParseError ? err.message : `unexpected error: ${(err as Error).message}`;
    return { notice: { tone: 'error', title: 'Could not import the curl command', messages: [message] } };
  }
  const { request, options, warnings } = parsed;
  const url = urlWithParams(request.url, request.params);
  return {
    method: request.method.toUpperCase(),
    url,
    params: parseQuery(url),
    headers: request.headers.map((h) => ({ name: h.name, value: h.value, enabled: h.enabled })),
    body: bodyDraftFrom(request.body, draft.body),
    options,
    notice: warnings.length > 0
      ? { tone: 'warning', title: 'Imported the curl command with warnings', messages: warnings }
      : null,
  };
}
