import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch } from '../../../renderer/src/features/palette/fuzzy';
import { APP_ACTIONS } from '../../../shared/contract/app-actions';
import { actionForKey, shortcutLabel } from '../../../renderer/src/features/palette/keys';

const labels = APP_ACTIONS.map((a) => a.label);
const best = (q: string) => fuzzyFilter(labels, q, (l) => l)[0]?.item;

describe('palette fuzzy match', () => {
  it('needs every query character in order, case-insensitive', () => {
    expect(fuzzyMatch('sts', 'Settings')).not.toBeNull();
    expect(fuzzyMatch('xyz', 'Settings')).toBeNull();
    expect(fuzzyMatch('sg', 'Settings')).not.toBeNull();
    expect(fuzzyMatch('gt', 'Settings')).toBeNull();
  });

  it('an empty query matches everything and keeps the order', () => {
    expect(fuzzyFilter(labels, '  ', (l) => l).map((m) => m.item)).toEqual(labels);
  });

  it('word starts win: initials find the action', () => {
    expect(best('nt')).toBe('New Tab');
    expect(best('ct')).toBe('Close Tab');
    expect(best('sr')).toBe('Send Request');
    expect(best('of')).toBe('Open Folder…');
  });

  it('a prefix outranks a scattered match', () => {
    expect(best('run')).toBe('Runner');
    expect(best('set')).toBe('Settings');
    expect(best('dark')).toBe('Dark');
  });

  it('falls back to plain order when preferring a word start would strand the rest', () => {
    // "b" prefers the word start at 6, but then "c" is not after it: the match uses index 3.
    expect(fuzzyMatch('abc', 'a xbc b')?.positions).toEqual([0, 3, 4]);
  });

  it('reports the matched positions for highlighting', () => {
    expect(fuzzyMatch('nt', 'New Tab')?.positions).toEqual([0, 4]);
  });
});

describe('palette keys', () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
    ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it('every accelerator of the actions is reachable from the keyboard in the browser', () => {
    for (const a of APP_ACTIONS) {
      if (!('accelerator' in a)) continue;
      const key = a.accelerator.split('+').pop()!;
      expect(actionForKey(press(key.length === 1 ? key.toLowerCase() : key, { ctrlKey: true }), false), a.id).toBe(a.id);
    }
  });

  it('with a native menu the window keeps only the keys marked keyInWindow', () => {
    expect(actionForKey(press('k', { ctrlKey: true }), true)).toBeNull();
    expect(actionForKey(press('k', { metaKey: true }), false)).toBe('command-palette');
    expect(actionForKey(press('Enter', { ctrlKey: true }), true)).toBe('send');
    expect(actionForKey(press(',', { ctrlKey: true }), true)).toBeNull();
  });

  it('needs Ctrl or Cmd, and no Alt or unlisted Shift', () => {
    expect(actionForKey(press('s'), false)).toBeNull();
    expect(actionForKey(press('s', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(actionForKey(press('S', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('labels shortcuts per platform', () => {
    expect(shortcutLabel('CmdOrCtrl+K', false)).toBe('Ctrl+K');
    expect(shortcutLabel('CmdOrCtrl+K', true)).toBe('⌘K');
    expect(shortcutLabel('CmdOrCtrl+Enter', true)).toBe('⌘↩');
  });
});

describe('palette filter with a second text', () => {
  it('matches the folder only when the name does not, ranked below name matches', () => {
    const items = [{ name: 'List orders', folder: 'Shop' }, { name: 'Shop status', folder: 'Admin' }];
    const hits = fuzzyFilter(items, 'shop', (i) => i.name, (i) => i.folder);
    expect(hits.map((h) => h.item.name)).toEqual(['Shop status', 'List orders']);
    // Highlights stay inside the name.
    expect(hits[1]!.match.positions).toEqual([]);
  });
});
