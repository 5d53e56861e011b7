// What the curl options said, collected in order before the request and options are built.
import type { MultipartPart } from '../model/request';
import type { HttpVersion } from '../model/send-options';
import type { ConnectTo } from './values';

export type DataFlag = 'data' | 'data-raw' | 'data-ascii' | 'data-binary' | 'data-urlencode' | 'json';

/** One -d, --data-…, --json value after @file and url-encoding are interpreted. */
export type DataPiece = { json: boolean; text: string } | { json: boolean; file: string };

export interface HeaderEntry {
  name: string;
  value: string;
  /** Made by -A, -e, -b, -u, --oauth2-bearer: a -H of the same name overrides it. */
  generated: boolean;
}

export interface CurlState {
  method?: string;
  urls: string[];
  headers: HeaderEntry[];
  /** Lower-cased names from `-H 'Name:'`. */
  removed: Set<string>;
  data: DataPiece[];
  form: MultipartPart[];
  get: boolean;
  head: boolean;
  upload?: string;
  compressed: boolean;
  follow: boolean;
  maxRedirs?: number;
  totalMs?: number;
  connectMs?: number;
  insecure: boolean;
  cacert?: string;
  cert?: string;
  certType?: string;
  key?: string;
  passphrase?: string;
  proxy?: string;
  proxyUser?: string;
  noProxy?: string[];
  connectTo: ConnectTo[];
  /** Set by --http1.0/--http1.1/--http2/--http2-prior-knowledge; the last one wins, as in curl. */
  httpVersion?: HttpVersion;
  warnings: string[];
}

export function emptyState(): CurlState {
  return {
    urls: [], headers: [], removed: new Set(), data: [], form: [], get: false, head: false,
    compressed: false, follow: false, insecure: false, connectTo: [], warnings: [],
  };
}
