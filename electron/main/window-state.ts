// The window opens where it was closed: size, position and maximised, kept in the app data folder.
// A file that does not parse is set aside (never overwritten) and said; a position that no display
// shows any more (a monitor unplugged) falls back to the defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface Rect { x: number; y: number; width: number; height: number }

export interface WindowState {
  width: number;
  height: number;
  /** absent: centred by the OS */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1320, height: 860, maximized: false };
export const MIN_SIZE = { width: 900, height: 560 } as const;

const Px = z.number().int().min(-100_000).max(100_000);
const StateSchema = z.object({
  width: z.number().int().min(MIN_SIZE.width).max(100_000),
  height: z.number().int().min(MIN_SIZE.height).max(100_000),
  x: Px.optional(),
  y: Px.optional(),
  maximized: z.boolean(),
}).strict();

/** Enough of the window on a display to grab its title bar and move it back. */
const MIN_VISIBLE = { width: 100, height: 50 };

export function isVisibleOn(b: Rect, displays: Rect[]): boolean {
  return displays.some((d) => {
    const w = Math.min(b.x + b.width, d.x + d.width) - Math.max(b.x, d.x);
    const h = Math.min(b.y + b.height, d.y + d.height) - Math.max(b.y, d.y);
    return w >= MIN_VISIBLE.width && h >= MIN_VISIBLE.height;
  });
}

export interface LoadedState {
  state: WindowState;
  /** the file was unreadable or corrupt: what happened, in words for the log */
  problem?: string;
  /** where the corrupt file was set aside */
  keptAs?: string;
  /** the corrupt file could not be moved: it stays where it is, so nothing may be saved over it */
  doNotSave?: boolean;
}

/** Checks parsed JSON against the schema and the displays' work areas (off every display: the defaults). */
export function validateWindowState(value: unknown, displays: Rect[]): { state: WindowState } | { invalid: string } {
  const parsed = StateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { invalid: `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}` };
  }
  const s = parsed.data;
  if (s.x === undefined || s.y === undefined) return { state: { width: s.width, height: s.height, maximized: s.maximized } };
  if (!isVisibleOn({ x: s.x, y: s.y, width: s.width, height: s.height }, displays)) return { state: { ...DEFAULT_WINDOW_STATE } };
  return { state: s };
}

function setAside(file: string, now: Date): string {
  const kept = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, kept);
  return kept;
}

export function loadWindowState(file: string, displays: Rect[], now = new Date()): LoadedState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { state: { ...DEFAULT_WINDOW_STATE } }; // first start
    return { state: { ...DEFAULT_WINDOW_STATE }, problem: `${file} could not be read (${e.code ?? e.message}); the window opens at its default size` };
  }
  let value: unknown;
  let invalid: string;
  try {
    value = JSON.parse(text);
    const checked = validateWindowState(value, displays);
    if ('state' in checked) return checked;
    invalid = checked.invalid;
  } catch (err) {
    invalid = `not JSON: ${(err as Error).message}`;
  }
  const defaults = { ...DEFAULT_WINDOW_STATE };
  try {
    const keptAs = setAside(file, now);
    return { state: defaults, keptAs, problem: `${file} is corrupt (${invalid}); kept as ${keptAs}, the window opens at its default size` };
  } catch (err) {
    return { state: defaults, doNotSave: true,
      problem: `${file} is corrupt (${invalid}) and could not be set aside (${(err as Error).message}); it is left as it is and this session's window position is not saved` };
  }
}

/** Written whole or not at all: a crash mid-write leaves the previous file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, file);
}
