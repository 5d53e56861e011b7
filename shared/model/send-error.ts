import { z } from 'zod';

/** Every way a send can fail before a response exists. Each has a remedy the UI and CLI show. */
export const SendErrorCodeSchema = z.enum([
  'invalid-url', 'invalid-method', 'invalid-header', 'invalid-body', 'invalid-options', 'file-not-found', 'dns', 'connection-refused',
  'connection-reset', 'tls-self-signed', 'tls-hostname', 'tls-expired', 'tls-untrusted', 'tls-client-cert', 'tls-version', 'tls-cipher', 'tls',
  'timeout-connect', 'timeout-first-byte', 'timeout-total', 'redirect-loop', 'too-many-redirects', 'redirect-not-http',
  'decompression-bomb', 'decompression-failed', 'body-too-large', 'proxy', 'proxy-auth', 'cancelled', 'unknown',
  'key-host-mismatch', 'key-secret-missing', 'oauth2-token', 'http2-unsupported',
  // a response that breaks HTTP/1.1 (undici's parser refused it)
  'response-headers-too-large', 'response-invalid-chunk', 'response-invalid-status', 'response-length-mismatch',
  'response-not-http', 'response-malformed',
]);
export type SendErrorCode = z.infer<typeof SendErrorCodeSchema>;

export const SendErrorInfoSchema = z.object({
  code: SendErrorCodeSchema,
  /** What happened, specific to this request. */
  message: z.string(),
  /** The likely reason. */
  reason: z.string(),
  /** What to try. */
  remedy: z.string(),
});
export type SendErrorInfo = z.infer<typeof SendErrorInfoSchema>;

const ADVICE: Record<SendErrorCode, { reason: string; remedy: string }> = {
  'invalid-url': { reason: 'The URL is not an absolute http(s) URL.', remedy: 'Write it as http://host/path or https://host/path; check for spaces and a missing scheme.' },
  'invalid-method': { reason: 'HTTP methods are a single word of letters (GET, POST, PROPFIND...).', remedy: 'Pick a method from the list or type a plain word without spaces or symbols.' },
  'invalid-options': { reason: 'A send setting (timeouts, TLS, proxy, redirects) has a value outside what is allowed.', remedy: 'Check the numbers and paths in the request settings.' },
  'invalid-header': { reason: 'A header name or value has characters HTTP forbids (CR, LF, NUL or other control bytes); sending it could inject headers.', remedy: 'Remove line breaks and control characters from the header; put each header on its own row.' },
  'invalid-body': { reason: 'The body could not be prepared as written.', remedy: 'Check the body type and its content.' },
  'file-not-found': { reason: 'A file named in the body or TLS settings cannot be read.', remedy: 'Check the path and that the file is readable.' },
  dns: { reason: 'The host name does not resolve.', remedy: 'Check the spelling of the host, your VPN and DNS, or map it with --resolve.' },
  'connection-refused': { reason: 'Nothing is listening on that host and port, or a firewall refused the connection.', remedy: 'Check the port and that the server runs; through a gateway, check its upstream.' },
  'connection-reset': { reason: 'The server or something in between closed the connection mid-exchange.', remedy: 'Retry; if it repeats, check the server logs, a proxy or load balancer timeout, or a TLS/plain-HTTP mismatch.' },
  'tls-self-signed': { reason: 'The server presented a self-signed certificate that is not trusted.', remedy: 'Add its CA with --cacert (or the TLS settings), or turn verification off for this host only (-k).' },
  'tls-hostname': { reason: 'The certificate does not name this host.', remedy: 'Use the host name on the certificate, or set the SNI/servername override if you connect by IP.' },
  'tls-expired': { reason: 'The server certificate has expired or is not yet valid.', remedy: 'Renew the certificate on the server, check this machine\'s clock, or turn verification off for a test (-k).' },
  'tls-untrusted': { reason: 'The certificate chain does not lead to a trusted CA (missing intermediate or private CA).', remedy: 'Add the CA with --cacert, or fix the server to send its intermediate certificates.' },
  'tls-client-cert': { reason: 'The server requires a client certificate (mTLS) and none was accepted.', remedy: 'Set a client certificate and key (or PFX) for this host.' },
  'tls-version': { reason: 'The server and this client share no TLS version: the server speaks only versions Clearance refuses (TLS 1.0 or 1.1, older than the 1.2 it requires), or only newer ones.', remedy: 'Enable TLS 1.2 or 1.3 on the server (nginx: ssl_protocols TLSv1.2 TLSv1.3); check with openssl s_client -connect host:port -tls1_2.' },
  'tls-cipher': { reason: 'The server ended the handshake with handshake_failure: most often it shares no cipher suite (or key exchange group) with this client, which offers only modern suites (AES-GCM, ChaCha20); a TLS 1.2 server that requires a client certificate answers the same when none is sent.', remedy: 'Enable a modern suite on the server (e.g. ECDHE with AES-GCM) and list what it offers with openssl s_client -connect host:port -cipher ALL; if it wants a client certificate (mTLS), set one.' },
  tls: { reason: 'The TLS handshake failed.', remedy: 'Check that the port speaks TLS, the protocol versions, and the certificates.' },
  'timeout-connect': { reason: 'The connection was not established in time.', remedy: 'Check the host and port and any firewall or VPN; raise the connect timeout if the network is slow.' },
  'timeout-first-byte': { reason: 'The server accepted the request but did not answer in time.', remedy: 'The server may be slow or stuck; raise the first-byte timeout or check its logs.' },
  'timeout-total': { reason: 'The whole exchange took longer than allowed.', remedy: 'Raise the total timeout (--max-time) or download less.' },
  'redirect-loop': { reason: 'The redirects lead back to a URL already visited.', remedy: 'Fix the redirect rules on the server, or turn redirect following off to see the first hop.' },
  'redirect-not-http': { reason: 'The server redirected to a URL that is not http(s) (file:, ftp:, a custom scheme); an HTTP client does not follow it, and following file: would read this machine\'s files.', remedy: 'Send without following redirects to see the Location, then fix the server\'s redirect or open that URL with a tool for its scheme.' },
  'too-many-redirects': { reason: 'More redirects than allowed.', remedy: 'Raise the redirect limit or turn following off to inspect the chain.' },
  'decompression-bomb': { reason: 'The compressed body expands far beyond a safe size or ratio.', remedy: 'Turn decompression off to keep the raw bytes, or raise the limits if you trust the server.' },
  'decompression-failed': { reason: 'The body is not valid for its Content-Encoding.', remedy: 'Turn decompression off to see the raw bytes; the server may mislabel its encoding.' },
  'body-too-large': { reason: 'The response body is larger than the configured cap.', remedy: 'Raise the body size cap or request a smaller range.' },
  proxy: { reason: 'The forward proxy could not be reached or refused the tunnel.', remedy: 'Check the proxy URL and port, and its access rules; use the no-proxy list for internal hosts.' },
  'proxy-auth': { reason: 'The forward proxy wants credentials (407) and did not accept the ones sent.', remedy: 'Set the proxy user and password (-U user:pass).' },
  cancelled: { reason: 'The request was cancelled.', remedy: 'Send it again.' },
  unknown: { reason: 'An unexpected error occurred.', remedy: 'Retry; if it repeats, report it with the request (secrets removed).' },
  'key-host-mismatch': { reason: 'The key profile is bound to other hosts; sending it here could leak the key, so nothing was sent.', remedy: 'Pick the key meant for this host, fix the URL or the gateway rewrite, or add this host to the key profile\'s hosts if it really should receive the key.' },
  'key-secret-missing': { reason: 'A secret of the key or gateway profile has no value (not in the keychain, and its environment variable is not set).', remedy: 'Store the secret in the profile editor, or set the environment variable the profile names (in CI).' },
  'http2-unsupported': { reason: 'HTTP/2 was required, and the server (or the way to it) did not agree to it: its TLS handshake chose HTTP/1.1 or no protocol, it did not answer HTTP/2 on http:// (h2c with prior knowledge), or a forward proxy stands in the way.', remedy: 'Send with HTTP version auto (HTTP/2 when offered, else HTTP/1.1) or 1.1; if the server should speak HTTP/2, enable it there (nginx: http2 on the listen directive).' },
  'response-headers-too-large': { reason: 'The response\'s headers are larger than the client accepts (16 KiB in all): one huge header or very many of them.', remedy: 'Look at the server or a proxy for a header that grows without bound (cookies set again on every response, tracing or debug headers); through a gateway, compare with a request sent straight to the server.' },
  'response-invalid-chunk': { reason: 'The response says Transfer-Encoding: chunked, but its body is not valid chunked encoding (a chunk size that is not hexadecimal, or a chunk that does not end where its size says).', remedy: 'The server or a proxy writes a broken body: check its logs and any body-rewriting module; try HTTP/1.0 or --http2 to step around it while it is fixed.' },
  'response-invalid-status': { reason: 'The response\'s status line has no valid three-digit status code (e.g. 9999).', remedy: 'The server or something in between answered with a broken status line; check which layer wrote it (send straight to the server, then through each proxy).' },
  'response-length-mismatch': { reason: 'The response\'s body length does not match its Content-Length, or Content-Length is sent together with Transfer-Encoding (or twice with different values): framing that proxies can read differently (response smuggling).', remedy: 'Fix the server or proxy to send one framing: Content-Length alone with the exact length, or Transfer-Encoding: chunked alone.' },
  'response-not-http': { reason: 'What came back is not an HTTP/1.1 response: the port speaks another protocol (TLS, HTTP/2 only, SSH, a database) or the server wrote garbage.', remedy: 'Check the port and the scheme (https:// for a TLS port); if it is an HTTP/2-only server, send with --http2.' },
  'response-malformed': { reason: 'The response breaks HTTP/1.1 syntax: a header name with spaces or symbols, a control character in a header value, or lines ending without CR.', remedy: 'The server or a proxy writes headers by hand: check which layer adds the broken header and fix it there.' },
  'oauth2-token': { reason: 'The OAuth 2 token endpoint did not return an access token for the client credentials grant.', remedy: 'Read the endpoint\'s error (invalid_client, invalid_scope, unauthorized_client...): check the client id and secret, the requested scope and audience, and the token URL.' },
};

export function sendError(code: SendErrorCode, message: string): SendErrorInfo {
  return { code, message, ...ADVICE[code] };
}

export function adviceFor(code: SendErrorCode): { reason: string; remedy: string } {
  return ADVICE[code];
}
