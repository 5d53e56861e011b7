// A 407 asks for a proxy's credentials (RFC 9110 §15.5.8): whatever origin a client's message names
// (the npm registry, Docker Hub, an API host), the writer is a proxy on the way. Origin kinds are not
// named on a 407; a proxy's own 407 still names it.
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['npm 7+\'s 407 line with the registry URL is the proxy\'s', 407, 'npm ERR! code E407\nnpm ERR! 407 Proxy Authentication Required - GET https://registry.npmjs.org/express', null],
  ['a 407 naming an AI API host is the proxy\'s', 407, 'Error: 407 Proxy Authentication Required\n    at https://api.openai.com/v1/chat/completions', null],
  ['the same npm words on a 403 still name the registry', 403, 'npm ERR! code E403\nnpm ERR! 403 Forbidden - PUT https://registry.npmjs.org/pkg - You do not have permission to publish "pkg"', 'npm-registry'],
  ['Squid\'s own 407 page still names Squid', 407, '<html><head><title>ERROR: Cache Access Denied</title></head><body><p>Sorry, you are not currently allowed to request http://example.com/ from this cache until you have authenticated yourself.</p><p>Generated Mon, 01 Jan 2024 by proxy (squid/5.7)</p></body></html>', 'squid'],
];

describe('explain: a 407 is a proxy\'s answer, not the origin\'s', () => {
  itNamesProducers(CASES);
});
