import type { historyContract, ServiceImpl } from '../../shared/contract';
import { HistoryStore } from '../workspace';

export function createHistoryService(store: HistoryStore = new HistoryStore()): ServiceImpl<typeof historyContract> {
  return {
    async list({ grep, status, limit }) {
      return { entries: await store.list({ ...(grep ? { grep } : {}), ...(status !== undefined ? { status } : {}), limit }) };
    },
    async clear() {
      return { removed: await store.clear() };
    },
  };
}
