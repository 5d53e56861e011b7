import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ContractError, type ServiceImpl, type requestsContract } from '../../shared/contract';
import { bodyDirectory, send } from '../engine';
import type { SendOutcome } from '../workspace/history';

export interface RequestsServiceDeps {
  /** Directory big bodies stream to; readBody serves files from here only. */
  bodyDir?: string;
  /** Records every send (response or failure); never fails the send. */
  history?: { record(outcome: SendOutcome): Promise<unknown> };
}

export function createRequestsService(deps: RequestsServiceDeps = {}): ServiceImpl<typeof requestsContract> {
  const bodyDir = resolve(deps.bodyDir ?? bodyDirectory());
  const inFlight = new Map<string, AbortController>();

  return {
    async send({ request, options, sendId }) {
      const controller = new AbortController();
      if (sendId) inFlight.set(sendId, controller);
      const startedAt = Date.now();
      try {
        const response = await send(request, options, { signal: controller.signal, bodyDir });
        await deps.history?.record({ request, response, startedAt });
        return response;
      } catch (err) {
        const info = (err as { info?: { code: string; message: string } }).info ?? { code: 'internal', message: String(err) };
        await deps.history?.record({ request, error: info, startedAt });
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
