// Where vendors' error-code tokens are in a response: JSON code fields and the envelopes they nest in,
// XML <Code>, an SDK's printed labels (Error Code: X, botocore's (AccessDenied), PERMISSION_DENIED: …),
// error headers and gRPC statuses. Each token comes with its words and the evidence pointing at it;
// error-codes.ts reads the words for the cause.
import type { Ctx, WeightedEvidence } from '../types';
import { asRecord, locateValue } from './json-values';

/** A code token found in a structured place, with the evidence pointing at it. */
export interface Token {
  words: string;
  evidence: WeightedEvidence;
  /** an error envelope's own field (top level, error.*, errors[].*, an XML <Error>'s <Code>): may mark a non-refusal status blocked */
  envelope: boolean;
}

// ---------------------------------------------------------------- reading tokens

/** JSON keys whose string value is a machine code (compared lower-case, `_`/`-` dropped). */
const CODE_KEYS = new Set([
  'code', 'error', 'errorcode', 'errortype', 'type', 'reason', 'status', 'subcode', 'errorsubcode', 'errorname',
  'faultcode', 'errorkey', 'errorid', 'statuscode', 'errcode', 'errorreason', 'exceptiontype', 'exception', 'errorstatus',
]);
/** Keys whose value is a code only when it is shaped like one (has `_`, `.`, `-` or inner capitals): a message or an error's name. */
const SHAPED_KEYS = new Set(['message', 'msg', 'name', 'errormessage', 'title', 'detail', 'description', 'errordescription']);
/** A code token: letters and digits joined by `_ . - : /`, no spaces. */
const TOKEN = /^[A-Za-z][A-Za-z0-9_.:/-]{0,118}[A-Za-z0-9]$/;
/** A problem type's URL (RFC 9457 "type"): its last path segment is the code (…/probs/out-of-credit). */
const URL_SEGMENT = /^https?:\/\/\S{1,200}$/;
const SHAPED = /[_.-]|[a-z][A-Z]/;

/** A token's words, lower-case, joined by one space: InvalidAccessKeyId -> "invalid access key id". */
export function tokenWords(token: string): string {
  return token
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]{1,60})([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

function pushToken(ctx: Ctx, out: Token[], raw: string, shaped: boolean, envelope: boolean): void {
  const value = raw.trim();
  if (value.length < 3 || value.length > 120) return;
  const token = URL_SEGMENT.test(value) ? value.replace(/\/$/, '').slice(value.replace(/\/$/, '').lastIndexOf('/') + 1) : value;
  if (!TOKEN.test(token) || (shaped && !SHAPED.test(token))) return;
  const text = locateValue(ctx, value);
  if (text) out.push({ words: tokenWords(token), evidence: { where: 'body', text, weight: 1 }, envelope });
}

/** Keys under which an error envelope nests its own fields ({"error": {"code": …}}, {"errors": [{"code": …}]}). */
const ENVELOPE_KEYS = new Set(['error', 'errors', 'details', 'fault', 'err', 'error_info', 'errorinfo', 'response', 'extensions']);

function walkJson(ctx: Ctx, v: unknown, depth: number, envelope: boolean, out: Token[]): void {
  if (depth > 4 || out.length > 12) return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 5)) walkJson(ctx, x, depth + 1, envelope, out);
    return;
  }
  const obj = asRecord(v);
  if (!obj) return;
  let n = 0;
  for (const key in obj) {
    if (++n > 40) break;
    const val = obj[key];
    if (typeof val === 'string') {
      const k = key.toLowerCase().replace(/[_-]/g, '');
      if (CODE_KEYS.has(k)) pushToken(ctx, out, val, false, envelope);
      else if (SHAPED_KEYS.has(k)) pushToken(ctx, out, val, true, envelope);
    } else if (val && typeof val === 'object') walkJson(ctx, val, depth + 1, envelope && ENVELOPE_KEYS.has(key.toLowerCase()), out);
  }
}

/** XML error documents: <Code>AccessDenied</Code>, <ErrorCode>, <faultcode>, <error_code>. */
const XML_HAS_CODE = /<(?:error_?)?code>|<faultcode>|<errortype>/i;
const XML_ERROR = /<(error|errorresponse|fault)[\s>]/i;
const XML_CODE = /<((?:error_?)?code|faultcode|errortype)>\s{0,20}([A-Za-z][A-Za-z0-9_.:-]{2,80})\s{0,20}<\//gi;
/**
 * Codes printed by SDKs and CLIs under a label: "Error Code: InvalidAuthenticationToken" (Java SDKs,
 * Graph), `Code: "SIGN_ERROR"` (Go SDKs), "errorCode=INVALID_SESSION_ID", `reason: "API_KEY_INVALID"`
 * (google-api-core), "Code=AuthFailure.SignatureFailure" (Tencent Cloud SDKs).
 */
const LABELLED = /(?:code|type|status|reason)["']?[ \t]{0,3}[:=][ \t]{0,3}["']?([A-Za-z][A-Za-z0-9_.-]{2,80})/gi;
/** botocore's ClientError: "An error occurred (AccessDenied) when calling the GetObject operation". */
const BOTOCORE = /an error occurred \(([A-Za-z][A-Za-z0-9_.]{2,80})\)/gi;
/**
 * A code or error class before its message: gRPC's "PERMISSION_DENIED: The caller does not have permission" (grpc-java,
 * grpc-go), Salesforce's "INVALID_LOGIN: Invalid username", the AWS Go SDK's "AccessDenied: Access Denied", an SDK's
 * "InvalidIdentityTokenException: No OpenIDConnect provider found" (AWS JS v3) or
 * "flask_jwt_extended.exceptions.NoAuthorizationError: Missing Authorization Header"; and a bracketed code,
 * "[firebase_auth/INVALID_LOGIN_CREDENTIALS]" (FlutterFire), "[access-denied] restricted access" (Hasura CLI).
 */
const BRACKETED = /\[ ?([A-Za-z][A-Za-z0-9_/-]{1,80}) ?\]/g;
const WORD_CHAR = /[A-Za-z0-9_]/;
const LETTER = /[A-Za-z]/;

/** The capitalised word right before each ": " followed by a letter (read by hand: a regular expression backtracks on every capital). */
function* beforeColons(src: string): Generator<string> {
  for (let at = src.indexOf(': '); at > 0; at = src.indexOf(': ', at + 2)) {
    if (!LETTER.test(src.charAt(at + 2))) continue;
    let start = at;
    while (start > 0 && at - start < 81 && WORD_CHAR.test(src.charAt(start - 1))) start--;
    if (at - start >= 2 && (start === 0 || !WORD_CHAR.test(src.charAt(start - 1))) && /[A-Z]/.test(src.charAt(start))) yield src.slice(start, at);
  }
}
/** How much of a printed body is read for labelled codes: an SDK's error comes first. */
const PRINTED_HEAD = 4000;
/** A printed SDK error this short, on an error status, is the envelope itself rather than a page that quotes one. */
const SHORT_PRINTED = 2000;

function labelled(ctx: Ctx, out: Token[]): void {
  const src = ctx.body.length > PRINTED_HEAD ? ctx.body.slice(0, PRINTED_HEAD) : ctx.body;
  const envelope = ctx.status >= 400 && ctx.body.length <= SHORT_PRINTED;
  const push = (token: string): void => {
    out.push({ words: tokenWords(token), evidence: { where: 'body', text: token, weight: 1 }, envelope });
  };
  let n = 0;
  for (const m of src.matchAll(LABELLED)) {
    if (++n > 12) break;
    const token = m[1]!;
    // a label's plain word ("status: active", "code: ok") is prose unless it is shaped like a code
    if (SHAPED.test(token) || /^[A-Z]{4,}$/.test(token)) push(token);
  }
  if (src.includes(' error occurred (')) for (const m of src.matchAll(BOTOCORE)) push(m[1]!);
  // a plain word ("Error: ", "[Object]") is prose; a code has a joint (PERMISSION_DENIED, AccessDenied, access-denied)
  n = 0;
  for (const token of beforeColons(src)) {
    if (!SHAPED.test(token)) continue;
    if (++n > 6) break;
    push(token);
  }
  if (src.includes('[')) {
    n = 0;
    for (const m of src.matchAll(BRACKETED)) {
      if (!SHAPED.test(m[1]!)) continue;
      if (++n > 4) break;
      push(m[1]!);
    }
  }
}

/**
 * Error headers that carry a code: x-amzn-errortype (aws-api-gateway, aws-services fixtures), x-ms-error-code (azure-blob-storage),
 * x-minio-error-code (minio), x-platform-error-code, any x-<vendor>-error-code.
 */
const CODE_HEADER = /^x-[a-z0-9-]{0,60}(?:error-?code|errortype|error-type|err-code)$/;
/**
 * gRPC's canonical status numbers that are refusals, as the grpc-status header of gRPC, gRPC-Web and Envoy's
 * transcoder carries them (https://grpc.github.io/grpc/core/md_doc_statuscodes.html).
 */
const GRPC_STATUS: Record<string, string> = { 7: 'permission denied', 8: 'resource exhausted', 16: 'unauthenticated' };

function headerTokens(ctx: Ctx, out: Token[]): void {
  for (const [name, values] of ctx.headers) {
    const value = values[0];
    if (!value) continue;
    if (name === 'grpc-status') {
      const words = GRPC_STATUS[value.trim()];
      if (words) out.push({ words, evidence: { where: 'header', name, text: value, weight: 1 }, envelope: false });
    } else if (name.includes('err') && CODE_HEADER.test(name)) {
      // x-amzn-errortype: AccessDeniedException:http://internal.amazon.com/coral/...
      const token = value.split(':')[0]!.trim();
      if (TOKEN.test(token)) out.push({ words: tokenWords(token), evidence: { where: 'header', name, text: value, weight: 1 }, envelope: false });
    }
  }
}

/** Every code token of the response (its words and where it is). */
export function tokensOf(ctx: Ctx): Token[] {
  const out: Token[] = [];
  headerTokens(ctx, out);
  if (ctx.json !== undefined && ctx.json !== null) walkJson(ctx, ctx.json, 0, true, out);
  if (ctx.body && !ctx.isHtml) {
    if (XML_HAS_CODE.test(ctx.body)) {
      const head = ctx.body.slice(0, 8000);
      const errorDoc = XML_ERROR.test(head);
      for (const m of head.matchAll(XML_CODE)) {
        if (out.length > 16) break;
        out.push({ words: tokenWords(m[2]!), evidence: { where: 'body', text: m[2]!, weight: 1 }, envelope: errorDoc });
      }
    }
    if (!ctx.isJson) labelled(ctx, out);
  }
  return out;
}
