import { ContractError, type historyContract, type ServiceImpl } from '../../shared/contract';
import { HistoryStore } from '../workspace';

/** A file-system failure named with the history folder, so the app and the CLI can say where to look. */
function historyError(code: string, what: string, dir: string, err: unknown): ContractError {
  return new ContractError({ code, message: `${what} ${dir}: ${(err as Error).message}`, remedy: 'Check that folder: it must be a folder you can write to.' });
}

export function createHistoryService(store: HistoryStore = new HistoryStore()): ServiceImpl<typeof historyContract> {
  return {
    async list({ grep, status, limit, origin, producer, cause }) {
      try {
        return { entries: await store.list({ ...(grep ? { grep } : {}), ...(status !== undefined ? { status } : {}), limit,
          ...(origin ? { origin } : {}), ...(producer !== undefined ? { producer } : {}), ...(cause !== undefined ? { cause } : {}) }) };
      } catch (err) {
        throw historyError('history-unreadable', 'Could not read the history in', store.dir, err);
      }
    },
    async body({ id }) {
      let entry;
      try {
        entry = await store.get(id);
      } catch (err) {
        throw historyError('history-unreadable', 'Could not read the history in', store.dir, err);
      }
      if (!entry) throw new ContractError({ code: 'not-found', message: `History entry ${id} is gone (cleared or pruned).` });
      const text = await store.readBody(entry);
      return { text, bytes: text === null ? null : (entry.bodyBytes ?? text.length) };
    },
    async clear() {
      try {
        return { removed: await store.clear() };
      } catch (err) {
        throw historyError('history-clear-failed', 'Could not clear the history in', store.dir, err);
      }
    },
  };
}
