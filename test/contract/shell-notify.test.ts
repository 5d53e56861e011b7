// Desktop notifications for watch: Electron's Notification recorded; the watch's own contract
// payloads in, one notice per changed round out, only while the app is in the background.
import { describe, expect, it, vi } from 'vitest';
import { watchContract } from '../../shared/contract/watch';
import { createEventHub } from '../../electron/services/event-hub';

const shown: Array<{ title: string; body: string }> = [];
let supported = true;
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => supported;
    constructor(private o: { title: string; body: string }) {}
    show() { shown.push({ title: this.o.title, body: this.o.body }); }
  },
}));

const { notify, notifyWatchChanges, watchNotice } = await import('../../electron/main/notify');

const refusedNow = {
  id: 'users.yaml', path: 'users.yaml', name: 'List users', method: 'GET',
  before: { status: 200, statusClass: '2xx', refused: false }, after: { status: 403, statusClass: '4xx', refused: true },
  refusal: { producer: { id: 'nginx', kind: 'web-server', name: 'nginx' }, cause: 'ip-or-geo-blocked', reason: 'deny rule' },
} as const;
const recovered = { id: 'h.yaml', path: 'h.yaml', name: 'Health', method: 'GET', column: 'ci-key @ direct',
  before: { status: 403, statusClass: '4xx', refused: true }, after: { status: 200, statusClass: '2xx', refused: false } } as const;
const round = (changes: unknown[]) => ({ watchId: 'w1', round: { round: 2, at: '2025-01-01T00:00:00Z', total: 3, changes } });

describe('notify(title, body)', () => {
  it('shows an OS notification, or says false where there is none', () => {
    shown.length = 0;
    expect(notify('Watch', 'changed')).toBe(true);
    supported = false;
    expect(notify('Watch', 'again')).toBe(false);
    supported = true;
    expect(shown).toEqual([{ title: 'Watch', body: 'changed' }]);
  });
});

describe('watch → notification', () => {
  it('words a round: the first change, its producer, how many more', () => {
    const both = round([refusedNow, recovered]);
    expect(watchContract.events.onChange.payload.safeParse(both).success).toBe(true);
    expect(watchNotice(both as never)).toEqual({ title: 'Watch: 1 newly refused', body: 'GET List users: 200 → refused 403 by nginx (+1 more)' });
    expect(watchNotice(round([recovered]) as never)).toEqual({ title: 'Watch: 1 changed', body: 'GET Health [ci-key @ direct]: refused 403 → 200' });
    expect(watchNotice(round([]) as never)).toBeNull();
  });

  it('only watch.onChange, only valid payloads, only while no window has the focus', () => {
    shown.length = 0;
    const hub = createEventHub();
    let focused = true;
    const stop = notifyWatchChanges(hub, () => focused);
    hub.emit('watch.onChange', round([refusedNow]));
    expect(shown).toEqual([]);
    focused = false;
    hub.emit('watch.onChange', round([refusedNow]));
    hub.emit('watch.onRound', { watchId: 'w1', round: 2, at: 'x', total: 3, changes: 1 });
    hub.emit('watch.onChange', { watchId: 'w1', round: { nope: true } });
    hub.emit('requests.onTimeline', round([refusedNow]));
    expect(shown).toEqual([{ title: 'Watch: 1 newly refused', body: 'GET List users: 200 → refused 403 by nginx' }]);
    stop();
    hub.emit('watch.onChange', round([refusedNow]));
    expect(shown).toHaveLength(1);
  });
});
