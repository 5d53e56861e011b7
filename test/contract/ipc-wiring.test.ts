import { describe, expect, it, vi } from 'vitest';
import { allChannels, contracts, EVENT_IPC_CHANNEL } from '../../shared/contract';
import { createEventHub } from '../../electron/services';
import { forwardEvents } from '../../electron/main/ipc-bridge';
import { createHandlers } from '../../electron/services';
import { registerIpc } from '../../electron/main/ipc-bridge';

// The one mock: Electron's binary cannot run here. The bridge is given a recording ipcMain.
const exposed: Record<string, unknown> = {};
const invoked: Array<[string, unknown]> = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => { invoked.push([channel, args]); return { ok: true, value: null }; },
    on: (channel: string, fn: (e: unknown, msg: unknown) => void) => { onIpc.push([channel, fn]); },
    removeListener: (channel: string, fn: unknown) => { onIpc.splice(onIpc.findIndex(([c, f]) => c === channel && f === fn), 1); },
  },
}));
const onIpc: Array<[string, (e: unknown, msg: unknown) => void]> = [];

type Listener = (event: { senderFrame: { url: string } }, args: unknown) => Promise<unknown>;

function recordingIpcMain() {
  const handled = new Map<string, Listener>();
  return { handled, handle: (channel: string, fn: Listener) => { handled.set(channel, fn); } };
}

describe('IPC wiring', () => {
  it('registers exactly the contract channels, nothing more', () => {
    const ipc = recordingIpcMain();
    registerIpc(ipc as never, createHandlers({ transport: 'ipc', version: 't' }), () => true);
    const expected = contracts.flatMap((c) => Object.values(c.methods).map((m) => m.channel));
    expect([...ipc.handled.keys()].sort()).toEqual([...expected].sort());
    expect(expected).toContain('requests.send');
  });

  it('rejects calls from a foreign sender and invalid arguments', async () => {
    const ipc = recordingIpcMain();
    registerIpc(ipc as never, createHandlers({ transport: 'ipc', version: 't' }), (e) => (e as unknown as { senderFrame: { url: string } }).senderFrame.url.startsWith('file://'));
    const send = ipc.handled.get('requests.send')!;
    const foreign = await send({ senderFrame: { url: 'https://evil.example/' } }, { request: { method: 'GET', url: 'http://127.0.0.1:1/' } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const bad = await send({ senderFrame: { url: 'file:///app/index.html' } }, { request: { method: 42 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    const info = await ipc.handled.get('app.info')!({ senderFrame: { url: 'file:///app/index.html' } }, {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'ipc', version: 't' } });
  });

  it('preload exposes only invoke for the contract channels and subscribe for its events', async () => {
    await import('../../electron/preload/index');
    const api = exposed.clearance as { channels: string[]; invoke: (c: string, a: unknown) => Promise<unknown>; subscribe: (fn: (c: string, p: unknown) => void) => () => void };
    expect(Object.keys(api).sort()).toEqual(['channels', 'invoke', 'subscribe']);
    const got: Array<[string, unknown]> = [];
    const stop = api.subscribe((c, p) => got.push([c, p]));
    expect(onIpc.map(([c]) => c)).toEqual([EVENT_IPC_CHANNEL]);
    onIpc[0]![1]({}, { channel: 'requests.onTimeline', payload: { sendId: 's1' } });
    onIpc[0]![1]({}, { channel: 'fs.changed', payload: { path: '/etc/passwd' } });
    expect(got).toEqual([['requests.onTimeline', { sendId: 's1' }]]);
    stop();
    expect(onIpc).toHaveLength(0);
    expect([...api.channels].sort()).toEqual([...allChannels].sort());
    await api.invoke('requests.send', { x: 1 });
    expect(invoked).toEqual([['requests.send', { x: 1 }]]);
    const refused = await api.invoke('fs.readFile', { path: '/etc/passwd' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(invoked).toHaveLength(1);
  });

  it("forwards a send's timeline events to the window over the one event channel", async () => {
    const hub = createEventHub();
    const sent: Array<[string, unknown]> = [];
    const wc = { isDestroyed: () => false, send: (c: string, m: unknown) => { sent.push([c, m]); } };
    const stop = forwardEvents(hub, () => [wc as never]);
    hub.emit('requests.onTimeline', { sendId: 'a', event: { type: 'info', t: 0, message: 'x' } });
    stop();
    hub.emit('requests.onTimeline', { sendId: 'b' });
    expect(sent).toEqual([[EVENT_IPC_CHANNEL, { channel: 'requests.onTimeline', payload: { sendId: 'a', event: { type: 'info', t: 0, message: 'x' } } }]]);
  });
});
