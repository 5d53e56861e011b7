// AWS Signature Version 4 (signed with aws4) over the final request: URL with params, the headers
// the user and the gateway set, and the body bytes.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import aws4 from 'aws4';
import { authHeader, type ApplyKey, type FinalRequest } from './types';
import { secretOf } from './secrets';
import { SendFailure } from '../send-failure';
import type { KeyProfileOf, WireHeader } from '../../../shared/model';
import { encodeComponent } from '../../../shared/util/well-formed';

type Profile = KeyProfileOf<'aws-sigv4'>;

/** Headers a proxy may rewrite or the engine manages: never signed. */
const UNSIGNED = new Set(['user-agent', 'accept', 'accept-encoding', 'connection', 'content-length', 'authorization', 'expect', 'range', 'x-amzn-trace-id']);

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (err) {
    throw new SendFailure('file-not-found', `Cannot read body file ${path} to sign it: ${(err as Error).message}`);
  }
  return hash.digest('hex');
}

function formEncode(s: string): string {
  return encodeComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The body bytes as the engine will send them (string bodies), or the payload hash (files). */
async function payload(req: FinalRequest): Promise<{ body?: string; hash?: string }> {
  const b = req.body;
  switch (b.kind) {
    case 'none': return {};
    case 'json':
    case 'text': return { body: b.text };
    case 'form': return { body: b.fields.filter((f) => f.enabled !== false).map((f) => `${formEncode(f.name)}=${formEncode(f.value)}`).join('&') };
    case 'binary': return { hash: await fileSha256(b.file) };
    case 'multipart': throw new SendFailure('invalid-body', 'SigV4 cannot sign a multipart body (its boundary is random per send); send the file as a binary body instead');
  }
}

export interface SigV4Input extends FinalRequest {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  service: string;
  region: string;
  /** ms since the epoch, used unless the request carries X-Amz-Date */
  now: number;
}

/** The headers SigV4 adds: Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256 (s3). */
export async function signSigV4(input: SigV4Input): Promise<WireHeader[]> {
  const headers: Record<string, string> = {};
  let hasDate = false;
  let hasHost = false;
  for (const h of input.headers) {
    const lower = h.name.toLowerCase();
    if (UNSIGNED.has(lower)) continue;
    if (lower === 'x-amz-date') hasDate = true;
    if (lower === 'host') hasHost = true;
    // Repeated names are joined with commas, as the canonical form wants.
    headers[lower] = headers[lower] !== undefined ? `${headers[lower]},${h.value}` : h.value;
  }
  const added: WireHeader[] = [];
  if (!hasHost) headers.host = input.url.host;
  if (!hasDate) {
    headers['x-amz-date'] = amzDate(input.now);
    added.push(authHeader('X-Amz-Date', headers['x-amz-date']));
  }
  if (input.contentType && headers['content-type'] === undefined && input.body.kind !== 'none') headers['content-type'] = input.contentType;
  if (input.sessionToken && headers['x-amz-security-token'] === undefined) {
    headers['x-amz-security-token'] = input.sessionToken;
    added.push(authHeader('X-Amz-Security-Token', input.sessionToken));
  }
  const { body, hash } = await payload(input);
  const contentHash = hash ?? (input.service === 's3' ? createHash('sha256').update(body ?? '').digest('hex') : undefined);
  if (contentHash !== undefined && headers['x-amz-content-sha256'] === undefined) {
    headers['x-amz-content-sha256'] = contentHash;
    // Non-S3 services ignore the header but aws4 reads the hash from it: sign it only for S3.
    if (input.service === 's3') added.push(authHeader('X-Amz-Content-Sha256', contentHash));
  }
  const request: aws4.Request & { extraHeadersToIgnore: Record<string, boolean> } = {
    host: input.url.host, method: input.method, path: `${input.url.pathname}${input.url.search}`,
    service: input.service, region: input.region, headers, body,
    extraHeadersToIgnore: { 'content-length': true, ...(input.service !== 's3' && contentHash !== undefined ? { 'x-amz-content-sha256': true } : {}) },
  };
  const signed = aws4.sign(request, { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey });
  const authorization = (signed.headers as Record<string, string>).Authorization!;
  return [authHeader('Authorization', authorization), ...added];
}

export const applyAwsSigV4: ApplyKey<Profile> = (profile, secrets, env) => {
  const secretAccessKey = secretOf(secrets, 'secretAccessKey', profile.name);
  const sessionToken = profile.sessionToken ? secretOf(secrets, 'sessionToken', profile.name) : undefined;
  return {
    headers: [],
    query: [],
    sign: (req) => signSigV4({ ...req, accessKeyId: profile.accessKeyId, secretAccessKey, sessionToken, service: profile.service, region: profile.region, now: env.now() }),
  };
};
