import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ServiceImpl } from '../../shared/contract/define';
import { requestsContract } from '../../shared/contract/requests';
import { ContractError } from '../../shared/contract/result';
import type { SendOptionsInput, TimelineEvent } from '../../shared/model';
import { bodyDirectory } from '../engine';
// Named files, not the folder's index: a `--curl` send stays lean at start-up.
import { cancelSend } from '../pipeline/in-flight';
import { prepare } from '../pipeline/prepare';
import { sendPrepared } from '../pipeline/send-prepared';
import type { Keychain } from '../secrets/keychain';
import type { SendOutcome } from '../workspace/history';
import type { EventHub } from './event-hub';

export interface RequestsServiceDeps {
  /** Directory big bodies stream to; readBody serves files from here only. */
  bodyDir?: string;
  /** Records every send (response or failure); never fails the send. */
  history?: { record(outcome: SendOutcome): Promise<unknown> };
  /** where profile secrets are read (default: the OS keychain) */
  keychain?: Keychain;
  /** where `env:` secrets are looked up (default process.env) */
  environ?: Record<string, string | undefined>;
  /** where requests.onTimeline events go while a send is in flight */
  events?: EventHub;
  /** the app's Settings as send options under the request's own (HTTP version, proxy, CA); none in the CLI */
  sendDefaults?: () => Promise<SendOptionsInput>;
}

/** Streams a send's timeline events to the window under its send id. */
export function timelineTo(events: EventHub | undefined, sendId: string | undefined): ((e: TimelineEvent) => void) | undefined {
  if (!events || sendId === undefined) return undefined;
  const channel = requestsContract.events.onTimeline.channel;
  return (event) => events.emit(channel, { sendId, event });
}

export function createRequestsService(deps: RequestsServiceDeps = {}): ServiceImpl<typeof requestsContract> {
  const bodyDir = resolve(deps.bodyDir ?? bodyDirectory());
  const secretDeps = { ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) };

  return {
    async send({ request, options, sendId, dir, key, gateway }) {
      const defaults = await deps.sendDefaults?.();
      const prepared = await prepare({ kind: 'spec', request, dir }, { options, key, gateway, defaults }, secretDeps);
      const onEvent = timelineTo(deps.events, sendId);
      return sendPrepared(prepared, { bodyDir, history: deps.history, ...(sendId ? { sendId } : {}), ...(onEvent ? { onEvent } : {}) });
    },

    async cancel({ sendId }) {
      return { cancelled: cancelSend(sendId) };
    },

    async readBody({ path, offset, length }) {
      const full = resolve(path);
      const rel = relative(bodyDir, full);
      if (!isAbsolute(path) || rel.startsWith('..') || isAbsolute(rel)) {
        throw new ContractError({ code: 'forbidden-path', message: `only response bodies under ${bodyDir} can be read` });
      }
      const { size } = await stat(full).catch(() => {
        throw new ContractError({ code: 'not-found', message: `body file ${full} no longer exists` });
      });
      const handle = await open(full, 'r');
      try {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
        const chunk = buf.subarray(0, bytesRead);
        const text = chunk.toString('utf8');
        const binary = text.includes('\u0000') || text.includes('\uFFFD');
        return {
          data: binary ? chunk.toString('base64') : text,
          encoding: binary ? 'base64' : 'utf8',
          total: size,
          eof: offset + bytesRead >= size,
        };
      } finally {
        await handle.close();
      }
    },
  };
}
