// Window state on a real disk: saved atomically, read back the same, and a bad file never trusted
// nor overwritten: set aside under another name and reported.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, isVisibleOn, loadWindowState, saveWindowState } from '../../electron/main/window-state';

const DISPLAYS = [{ x: 0, y: 0, width: 1920, height: 1040 }, { x: 1920, y: 0, width: 2560, height: 1400 }];
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearance-window-state-'));
  file = join(dir, 'data', 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('round-trips size, position and maximised; no temporary file is left behind', () => {
    const state = { x: 2000, y: 40, width: 1400, height: 900, maximized: true };
    saveWindowState(file, state);
    expect(readdirSync(join(dir, 'data'))).toEqual(['window-state.json']);
    expect(loadWindowState(file, DISPLAYS)).toEqual({ state });
    saveWindowState(file, { ...state, maximized: false, width: 1000 });
    expect(loadWindowState(file, DISPLAYS).state).toMatchObject({ width: 1000, maximized: false });
  });

  it('first start: no file, the defaults, nothing reported', () => {
    expect(loadWindowState(file, DISPLAYS)).toEqual({ state: DEFAULT_WINDOW_STATE });
  });

  it('a position no display shows any more (monitor unplugged) falls back to the defaults', () => {
    saveWindowState(file, { x: 2000, y: 40, width: 1400, height: 900, maximized: false });
    expect(loadWindowState(file, [DISPLAYS[0]!])).toEqual({ state: DEFAULT_WINDOW_STATE });
    // The file is valid, only the screen changed: it stays where it is.
    expect(readdirSync(join(dir, 'data'))).toEqual(['window-state.json']);
    expect(isVisibleOn({ x: 1880, y: 0, width: 800, height: 600 }, [DISPLAYS[0]!])).toBe(false);
    expect(isVisibleOn({ x: 1800, y: 0, width: 800, height: 600 }, [DISPLAYS[0]!])).toBe(true);
    expect(isVisibleOn({ x: 100, y: -580, width: 800, height: 600 }, [DISPLAYS[0]!])).toBe(false);
  });

  for (const [name, text] of [
    ['not JSON', '{"width": 1400, "hei'],
    ['a size below the minimum', '{"width": 10, "height": 10, "maximized": false}'],
    ['a wrong type', '{"width": "wide", "height": 900, "maximized": false}'],
    ['unknown keys', '{"width": 1400, "height": 900, "maximized": false, "devTools": true}'],
  ] as const) {
    it(`${name}: defaults, the file kept under another name (not overwritten), and reported`, () => {
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(file, text);
      const loaded = loadWindowState(file, DISPLAYS, new Date('2025-01-02T03:04:05.678Z'));
      expect(loaded.state).toEqual(DEFAULT_WINDOW_STATE);
      expect(loaded.keptAs).toBe(`${file}.corrupt-2025-01-02T03-04-05-678Z`);
      expect(readFileSync(loaded.keptAs!, 'utf8')).toBe(text);
      expect(loaded.problem).toContain('is corrupt');
      expect(loaded.problem).toContain(loaded.keptAs);
      expect(loaded.doNotSave).toBeUndefined();
      // The next save writes a fresh file beside the kept one.
      saveWindowState(file, { width: 1000, height: 700, maximized: false });
      expect(readFileSync(loaded.keptAs!, 'utf8')).toBe(text);
      expect(readdirSync(join(dir, 'data')).sort()).toEqual(['window-state.json', 'window-state.json.corrupt-2025-01-02T03-04-05-678Z']);
    });
  }

  it('an unreadable path (a folder where the file should be) is reported and the defaults used', () => {
    mkdirSync(file, { recursive: true });
    const loaded = loadWindowState(file, DISPLAYS);
    expect(loaded.state).toEqual(DEFAULT_WINDOW_STATE);
    expect(loaded.problem).toContain('EISDIR');
  });
});
