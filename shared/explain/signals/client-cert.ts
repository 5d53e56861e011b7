import { all, body, status } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

/**
 * TLS client certificates (mTLS). These sentences are what a server's own page says
 * (nginx renders them on its stock 400 page), so they are not "words" rules: they also
 * run when the body is a web server's template.
 */
const NO_CERT = /no required ssl certificate was sent|client certificate (is )?required|(no|missing) client certificate|client certificate (was )?not (provided|presented|sent|found)|(transport|tls) certificate not found in the request/i;
const BAD_CERT = /the ssl certificate error|client certificate[^.\n"<]{0,30}(invalid|expired|revoked|not trusted|verification failed|rejected)|mtls authentication failed|invalid transport certificate/i;
const REFUSAL = status(400, 401, 403, 495, 496);

export const CLIENT_CERT_RULES: CauseRule[] = [
  rule('missing-credentials', 0.75, all(REFUSAL, body(NO_CERT)), {
    blocks: true,
    why: 'the body says no TLS client certificate was sent: the layer requires mutual TLS (nginx answers this with a 400)',
    fix: 'Configure the client certificate and its key for this host (e.g. curl --cert/--key, or the gateway profile\'s TLS settings) and check that no proxy terminates TLS before the server.',
  }),
  rule('invalid-credentials', 0.72, all(REFUSAL, body(BAD_CERT)), {
    blocks: true,
    why: 'the body says the TLS client certificate was refused: it is not issued by a CA the server trusts, expired, revoked or not meant for client authentication',
    fix: 'Use a client certificate issued by the CA the server trusts (with the clientAuth key usage), not expired or revoked, and send its full chain.',
  }),
];
