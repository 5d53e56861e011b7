// The faults of issue 14 as `clearance send --curl` commands against startFaultServers(), each with
// the error code and message the user must see. One list for the test (which asserts them) and the
// benchmark (which adds wall time and max RSS).
import type { FaultServers } from './fault-servers';

export interface FaultCase {
  name: string;
  /** the curl command given to `clearance send --curl` */
  curl: (s: FaultServers) => string;
  /** the bracketed code on stderr, or null for a send that succeeds (exit 0) */
  code: string | null;
  /** what the error line must say (for a success: what stdout says of the body) */
  message: RegExp;
  /**
   * A fault that ends on a timeout: the test adds --max-time so it ends in seconds, and expects the
   * total timeout instead (the benchmark keeps the defaults: 30 s to the first byte, 120 s in all).
   */
  inTest?: { flags: string; code: string; message: RegExp };
}

const ca = (s: FaultServers): string => `--cacert ${s.certs.caPath}`;
const quick = (path: string): FaultCase['inTest'] => ({ flags: '--max-time 2', code: 'timeout-total',
  message: new RegExp(`Request to .*${path} did not finish within 2000 ms`) });

export const FAULT_CASES: FaultCase[] = [
  { name: 'connection reset before the response headers', curl: (s) => `curl ${s.http.url}/reset-before-headers`,
    code: 'connection-reset', message: /was reset while requesting .*\/reset-before-headers/ },
  { name: 'connection reset in the middle of the headers', curl: (s) => `curl ${s.raw.url}/reset-mid-headers`,
    code: 'connection-reset', message: /was reset while requesting .*\/reset-mid-headers/ },
  { name: 'connection reset in the middle of the body', curl: (s) => `curl ${s.http.url}/reset-mid-body`,
    code: 'connection-reset', message: /was reset while requesting .*\/reset-mid-body/ },
  { name: 'a server that never answers', curl: (s) => `curl ${s.http.url}/never`,
    code: 'timeout-first-byte', message: /No response from .*\/never in time/, inTest: quick('/never') },
  { name: 'headers that never end', curl: (s) => `curl ${s.raw.url}/headers-never-end`,
    code: 'timeout-first-byte', message: /No response from .*\/headers-never-end in time/, inTest: quick('/headers-never-end') },
  { name: 'a 10 MB header line', curl: (s) => `curl ${s.raw.url}/huge-header`,
    code: 'response-headers-too-large', message: /too many or too large headers/ },
  { name: 'invalid chunked encoding', curl: (s) => `curl ${s.raw.url}/bad-chunk`,
    code: 'response-invalid-chunk', message: /broken chunked body/ },
  { name: 'an oversized response (Content-Length 5 GiB, over the 4 GiB cap)', curl: (s) => `curl ${s.http.url}/oversized`,
    code: 'body-too-large', message: /announces 5368709120 bytes \(Content-Length\), over the cap of 4294967296 bytes/ },
  { name: 'TLS version mismatch (server speaks TLS 1.0-1.1 only)', curl: (s) => `curl ${ca(s)} ${s.tls.oldVersion.url}/`,
    code: 'tls-version', message: /TLS handshake with localhost:\d+ failed \(ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION\): tlsv1 alert protocol version \(SSL alert number 70\)/ },
  { name: 'TLS cipher mismatch (server offers a Camellia suite only)', curl: (s) => `curl ${ca(s)} ${s.tls.cipher.url}/`,
    code: 'tls-cipher', message: /TLS handshake with localhost:\d+ failed \(ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE\): sslv3 alert handshake failure \(SSL alert number 40\)/ },
  { name: 'an expired certificate', curl: (s) => `curl ${ca(s)} ${s.tls.expired.url}/`,
    code: 'tls-expired', message: /certificate has expired/ },
  { name: 'a certificate for another host', curl: (s) => `curl ${ca(s)} ${s.tls.wrongHost.url}/`,
    code: 'tls-hostname', message: /Host: localhost\. is not in the cert's altnames: DNS:wrong\.example/ },
  { name: 'a redirect loop', curl: (s) => `curl -L ${s.http.url}/loop-a`,
    code: 'redirect-loop', message: /Redirect loop: .*\/loop-b sends GET back to .*\/loop-a, already visited/ },
  { name: 'a redirect to another scheme (ftp:)', curl: (s) => `curl -L ${s.http.url}/to-ftp`,
    code: 'redirect-not-http', message: /\/to-ftp redirected to a non-http\(s\) URL ftp:\/\/127\.0\.0\.1\/pub\/file\.txt, not followed/ },
  { name: 'a redirect to file:', curl: (s) => `curl -L ${s.http.url}/to-file`,
    code: 'redirect-not-http', message: /\/to-file redirected to a non-http\(s\) URL file:\/\/\/etc\/passwd, not followed/ },
  { name: 'a 10 GB gzip bomb', curl: (s) => `curl ${s.http.url}/gzip-bomb`,
    code: 'decompression-bomb', message: /ratio/ },
  { name: 'a 1 GB body (spilled to a temporary file, not printed)', curl: (s) => `curl ${s.http.url}/one-gib`,
    code: null, message: /\[1\.00 GB body not shown; --output FILE saves it\]/ },
  { name: 'an HTTP/2 server that resets every stream (RST_STREAM)', curl: (s) => `curl --http2 ${ca(s)} ${s.h2.url}/`,
    code: 'connection-reset', message: /was reset while requesting https:\/\/localhost:\d+\/ \(ERR_HTTP2_STREAM_ERROR\): Stream closed with error code NGHTTP2_INTERNAL_ERROR/ },
];
