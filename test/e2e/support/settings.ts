import { expect, type APIRequestContext } from '@playwright/test';
import type { ServeHandle } from './serve';

/** The app's settings back to the defaults: the serve's data folder is shared by the later specs of a worker. */
export async function resetSettings(request: APIRequestContext, serve: ServeHandle): Promise<void> {
  const res = await request.post(`${serve.origin}/rpc/settings.set`, {
    headers: { 'x-clearance-token': serve.token },
    data: { patch: { theme: 'system', httpVersion: 'auto', proxy: null, caFile: null, historySize: 1000 } },
  });
  expect((await res.json()).ok).toBe(true);
}
