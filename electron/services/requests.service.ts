import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ContractError, type ServiceImpl, type requestsContract } from '../../shared/contract';
import { bodyDirectory, send, sendThrough } from '../engine';
import type { Keychain } from '../secrets/keychain';
import type { SendOutcome } from '../workspace/history';

export interface RequestsServiceDeps {
  /** Directory big bodies stream to; readBody serves files from here only. */
  bodyDir?: string;
  /** Records every send (response or failure); never fails the send. */
  history?: { record(outcome: SendOutcome): Promise<unknown> };
  /** where profile secrets are read (default: the OS keychain) */
  keychain?: Keychain;
  /** where `env:` secrets are looked up (default process.env) */
  environ?: Record<string, string | undefined>;
}

/** A scratch (unsaved) request going through the key/gateway profiles of the workspace `dir`. */
async function scratchThrough(dir: string | undefined, key: string | undefined, gateway: string | undefined, deps: RequestsServiceDeps) {
  if (dir === undefined) {
    throw new ContractError({ code: 'invalid-arguments', message: 'requests.send: key and gateway profiles need dir, the workspace folder that holds them' });
  }
  const [{ loadWorkspace }, { loadThrough }] = await Promise.all([import('../workspace/loader'), import('./profile-through')]);
  const snap = await loadWorkspace(dir);
  const through = await loadThrough(snap.root, snap.file.id, { key, gateway }, {
    ...(deps.keychain ? { keychain: deps.keychain } : {}), ...(deps.environ ? { environ: deps.environ } : {}) });
  return { ...through, root: snap.root };
}

export function createRequestsService(deps: RequestsServiceDeps = {}): ServiceImpl<typeof requestsContract> {
  const bodyDir = resolve(deps.bodyDir ?? bodyDirectory());
  const inFlight = new Map<string, AbortController>();

  return {
    async send({ request, options, sendId, dir, key, gateway }) {
      // Profiles load only when asked for: a plain send stays lean.
      const through = key !== undefined || gateway !== undefined ? await scratchThrough(dir, key, gateway, deps) : undefined;
      const secrets = through?.secrets ?? [];
      const source = through ? { workspace: through.root, ...(through.key ? { key: through.key.name } : {}), ...(through.gateway ? { gateway: through.gateway.name } : {}) } : undefined;
      const controller = new AbortController();
      if (sendId) inFlight.set(sendId, controller);
      const startedAt = Date.now();
      try {
        const ctx = { signal: controller.signal, bodyDir };
        const response = through?.key || through?.gateway
          ? await sendThrough(request, { ...through, ...(options ? { options } : {}) }, ctx)
          : await send(request, options, ctx);
        await deps.history?.record({ request, response, secrets, startedAt, ...(source ? { source } : {}) });
        return response;
      } catch (err) {
        const info = (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: String(err) };
        await deps.history?.record({ request, error: info, secrets, startedAt, ...(source ? { source } : {}) });
        throw err;
      } finally {
        if (sendId) inFlight.delete(sendId);
      }
    },

    async cancel({ sendId }) {
      const controller = inFlight.get(sendId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
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
