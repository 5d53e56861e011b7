import { copyFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CurlParseError, parseCurl } from '../../../shared/curl';
// Only the contracts this command uses: the index would build every service's schemas at start-up.
import { bindContract } from '../../../shared/contract/bind';
import type { Result } from '../../../shared/contract/result';
import { requestsContract } from '../../../shared/contract/requests';
import { explainInputOf, type RequestSpec, type ResponseRecord, type SendOptionsInput } from '../../../shared/model';
import { cancelSend } from '../../pipeline/in-flight';
import { createRequestsService } from '../../services/requests.service';
import { exitCodeFor } from '../../../shared/errors/codes';
import { isRefusal, mayBeRefusal } from '../../../shared/explain/refusal';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from '../exit-codes';
import { colorEnabled, palette, type Palette } from '../output/colors';
import { formatResponse, formatSendError } from '../output/format-response';
import { loadRequestFile } from '../request-file';
import { findWorkspaceRoot, locateInWorkspace } from '../workspace-send';
import { escapeControls } from '../output/safe-text';
import { redactRecord, SecretsSeenHistory } from '../output/send-redaction';

export interface SendFlags {
  curl?: string;
  json?: boolean;
  showSecrets?: boolean;
  include?: boolean;
  verbose?: boolean;
  output?: string;
  fail?: boolean;
  workspace?: string;
  env?: string;
  key?: string;
  gateway?: string;
}

/** A request file inside a workspace: the same loader, resolver and send as the app's workspace.sendRequest. */
async function sendFromWorkspace(file: string, flags: SendFlags, history: SecretsSeenHistory): Promise<Result<ResponseRecord> | null> {
  const where = await locateInWorkspace(file, flags.workspace);
  if (!where) {
    if (flags.env) throw new UsageError(`--env ${flags.env}: ${file} is not in a workspace (no clearance.yaml above it; give --workspace DIR)`);
    return null;
  }
  // Loaded only for workspace files: a curl send stays lean at start-up.
  const [{ createWorkspaceService }, { workspaceContract }] = await Promise.all([
    import('../../services/workspace.service'), import('../../../shared/contract/workspace')]);
  const ws = createWorkspaceService({ history });
  const handler = bindContract(workspaceContract, ws).get(workspaceContract.methods.sendRequest.channel)!;
  return (await handler({ ...where, sendId: SEND_ID, ...(flags.env ? { env: flags.env } : {}), ...profileFlags(flags) })) as Result<ResponseRecord>;
}

function profileFlags(flags: SendFlags): { key?: string; gateway?: string } {
  return { ...(flags.key !== undefined ? { key: flags.key } : {}), ...(flags.gateway !== undefined ? { gateway: flags.gateway } : {}) };
}

/** The workspace whose profiles a --curl (or stand-alone file) send uses: --workspace, else the nearest one above the current folder. */
async function profileWorkspace(flags: SendFlags): Promise<string | undefined> {
  if (flags.workspace !== undefined) return resolve(flags.workspace);
  if (flags.key === undefined && flags.gateway === undefined) return undefined;
  const found = await findWorkspaceRoot(process.cwd());
  if (!found) throw new UsageError(`--${flags.key !== undefined ? 'key' : 'gateway'} needs the workspace that holds the profiles: give --workspace DIR`);
  return found;
}

async function buildArgs(file: string | undefined, flags: SendFlags): Promise<{ request: RequestSpec; options: SendOptionsInput; warnings: string[] }> {
  if (flags.curl !== undefined && file) throw new UsageError('give either --curl or a request file, not both');
  if (flags.curl !== undefined) {
    try {
      return parseCurl(flags.curl);
    } catch (err) {
      if (err instanceof CurlParseError) throw new UsageError(err.message);
      throw err;
    }
  }
  if (file) return { request: await loadRequestFile(file), options: {}, warnings: [] };
  throw new UsageError("nothing to send: give --curl '<curl command>' or a request file");
}

async function saveBody(rec: ResponseRecord, target: string): Promise<void> {
  if (rec.body.kind === 'file') await copyFile(rec.body.path, target);
  else if (rec.body.kind === 'inline') await writeFile(target, Buffer.from(rec.body.data, rec.body.encoding === 'base64' ? 'base64' : 'utf8'));
  // `send` keeps whole bodies; only a run asks for the preview alone
  else throw new Error(`internal: only the first bytes of this body were kept; nothing was saved to ${target}`);
}

/** The one refusal rule decides; the explainer (and its verdict's formatter) load only when it may be one. */
async function explainIfRefused(rec: ResponseRecord, p: Palette, full: boolean): Promise<string | null> {
  if (!mayBeRefusal(rec.status, rec.headers)) return null;
  const { explain } = await import('../../../shared/explain/explain');
  const e = explain(explainInputOf(rec));
  if (!isRefusal(rec, e)) return null;
  const { explanationOneLiner, formatExplanation } = await import('../output/format-explanation');
  return full ? formatExplanation(e, p) : explanationOneLiner(e, p);
}

/** The one send this process makes: Ctrl+C cancels it through the same registry the app's Cancel uses. */
const SEND_ID = 'cli-send';

/** `clearance send`: the same requests.send handler the app calls over IPC and HTTP. */
export async function runSend(file: string | undefined, flags: SendFlags): Promise<number> {
  const err = palette(colorEnabled(process.stderr));
  const onInterrupt = (): void => {
    // A second Ctrl+C while the cancel unwinds still stops the process at once (Node's default).
    process.removeListener('SIGINT', onInterrupt);
    cancelSend(SEND_ID);
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await sendAndReport(file, flags, err);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

async function sendAndReport(file: string | undefined, flags: SendFlags, err: Palette): Promise<number> {
  const history = new SecretsSeenHistory();
  let result = file && flags.curl === undefined ? await sendFromWorkspace(file, flags, history) : null;
  if (!result) {
    if (flags.env) throw new UsageError('--env applies to a request file in a workspace, not to --curl');
    const { request, options, warnings } = await buildArgs(file, flags);
    for (const w of warnings) process.stderr.write(err.yellow(`warning: ${escapeControls(w)}\n`));
    const dir = await profileWorkspace(flags);
    const handler = bindContract(requestsContract, createRequestsService({ history })).get(requestsContract.methods.send.channel)!;
    result = (await handler({ request, options, sendId: SEND_ID, ...(dir !== undefined ? { dir, ...profileFlags(flags) } : {}) })) as Result<ResponseRecord>;
  }
  if (!result.ok) {
    if (exitCodeFor(result.error.code) === EXIT_USAGE) throw new UsageError(result.error.message);
    if (flags.json) process.stdout.write(`${JSON.stringify({ error: result.error }, null, 2)}\n`);
    else process.stderr.write(`${formatSendError(result.error, err)}\n`);
    return EXIT_FAILURE;
  }
  const sent = result.value;
  if (flags.output) await saveBody(sent, flags.output);
  // Masked unless asked: a terminal or CI log is no place for a credential (the app masks until revealed).
  const rec = flags.showSecrets ? sent : redactRecord(sent, history.redactor());
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(rec, null, 2)}\n`);
  } else {
    const { head, body } = formatResponse(rec, err, { include: Boolean(flags.include), verbose: Boolean(flags.verbose), body: !flags.output });
    process.stderr.write(`${head}\n`);
    const verdict = await explainIfRefused(sent, err, Boolean(flags.verbose));
    if (verdict) process.stderr.write(`${verdict}\n`);
    if (body !== null) process.stdout.write(body.endsWith('\n') || body.length === 0 ? body : `${body}\n`);
  }
  return flags.fail && rec.status >= 400 ? EXIT_FAILURE : EXIT_OK;
}
