export { formatBytes, formatMs } from '../../../shared/util/format';

/** Pretty-prints JSON text; returns the input unchanged when it does not parse. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function isJsonType(contentType: string | null | undefined): boolean {
  return !!contentType && /[/+]json\b/i.test(contentType);
}
