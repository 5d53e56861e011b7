// Import and export of curl commands (bash syntax), shared by the renderer and the backend.
export { CurlParseError } from './errors';
export { parseCurl, type ParsedCurl } from './parse-curl';
export { toCurl, urlWithParams } from './to-curl';
export { shellQuote } from './shell-quote';
export { profilesFromCurl, type CurlProfiles, type CurlProfileOptions } from './profiles';
