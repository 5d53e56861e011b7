/** Thrown by parseCurl when the command cannot be understood; the message names the problem. */
export class CurlParseError extends Error {
  readonly code = 'invalid-curl';

  constructor(message: string) {
    super(message);
    this.name = 'CurlParseError';
  }
}
