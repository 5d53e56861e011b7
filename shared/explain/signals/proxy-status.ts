import { hdr } from '../match';
import { rule } from '../rule';
import type { CauseRule } from '../types';

/** RFC 9209 Proxy-Status error types. */
export const PROXY_STATUS_RULES: CauseRule[] = [
  rule('proxy-denied', 0.7, hdr('proxy-status', /error\s*=\s*(http_request_denied|destination_ip_prohibited|destination_not_found)/i), {
    why: 'the Proxy-Status header (RFC 9209) says an intermediary denied the request itself',
    blocks: true,
  }),
  rule('ip-or-geo-blocked', 0.45, hdr('proxy-status', /destination_ip_prohibited/i)),
  rule('rate-limited', 0.6, hdr('proxy-status', /error\s*=\s*(http_request_error)[^,]*details="[^"]*(rate|limit)/i)),
];
