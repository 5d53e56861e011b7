import { isUtf8 } from 'node:buffer';

const TEXT_TYPE = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|ld\+json)|[^;]*\+(json|xml))/i;

/** utf8 for text-like content types or bytes that are valid UTF-8 without NULs, else base64. */
export function bodyEncoding(contentType: string | null, data: Buffer, truncated: boolean): 'utf8' | 'base64' {
  if (contentType && TEXT_TYPE.test(contentType.trim())) return 'utf8';
  if (data.length === 0) return 'utf8';
  if (data.includes(0)) return 'base64';
  if (isUtf8(data)) return 'utf8';
  // A preview may end inside a multi-byte character.
  if (truncated) {
    for (let cut = 1; cut <= 3 && cut < data.length; cut++) {
      if (isUtf8(data.subarray(0, data.length - cut))) return 'utf8';
    }
  }
  return 'base64';
}
