// A lone UTF-16 surrogate (`"\uD800"` in a YAML or JSON file) makes encodeURIComponent throw a
// URIError; URLSearchParams and fetch write it as U+FFFD, and so does the engine.
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function wellFormed(s: string): string {
  return s.replace(LONE, '\ufffd');
}

/** encodeURIComponent that never throws. */
export function encodeComponent(s: string): string {
  return encodeURIComponent(wellFormed(s));
}
