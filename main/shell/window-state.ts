import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Remembers the main window's size and position in a small JSON file in the user data folder.
 * Plain Node (no Electron): main/shell/window.ts passes in the displays' work areas and the bounds.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** x/y are absent when the window should be centred by the OS. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const WINDOW_STATE_FILE_NAME = 'window-state.json';
export const MIN_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_SIZE = { width: 1366, height: 860 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** Area of the overlap of two rectangles (0 when they do not meet). */
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function defaultWindowState(workAreas: readonly Rect[] = []): WindowState {
  const primary = workAreas[0];
  const width = primary ? Math.max(MIN_SIZE.width, Math.min(DEFAULT_SIZE.width, primary.width)) : DEFAULT_SIZE.width;
  const height = primary
    ? Math.max(MIN_SIZE.height, Math.min(DEFAULT_SIZE.height, primary.height))
    : DEFAULT_SIZE.height;
  return { bounds: { width, height }, maximized: false };
}

/**
 * Checks a saved state (anything parsed from JSON) against the current displays: sizes are
 * kept within the minimum and the display, and a window that would open mostly off-screen
 * (monitor unplugged) is centred instead.
 */
export function sanitizeWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const fallback = defaultWindowState(workAreas);
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { bounds, maximized } = saved as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return fallback;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isInt(width) || !isInt(height)) return fallback;
  const isMaximized = maximized === true;
  const size = { width: Math.max(MIN_SIZE.width, width), height: Math.max(MIN_SIZE.height, height) };
  if (!isInt(x) || !isInt(y)) return { bounds: size, maximized: isMaximized };
  const rect = { x, y, ...size };
  const best = workAreas.reduce<Rect | null>(
    (acc, area) => (overlap(rect, area) > (acc ? overlap(rect, acc) : 0) ? area : acc),
    null,
  );
  // At least a quarter of the window (and its title bar region) must be on a display.
  if (!best || overlap(rect, best) < (size.width * size.height) / 4 || y < best.y) {
    return { bounds: size, maximized: isMaximized };
  }
  return {
    bounds: {
      x,
      y,
      width: Math.min(size.width, Math.max(MIN_SIZE.width, best.width)),
      height: Math.min(size.height, Math.max(MIN_SIZE.height, best.height)),
    },
    maximized: isMaximized,
  };
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  try {
    return sanitizeWindowState(JSON.parse(readFileSync(file, 'utf8')), workAreas);
  } catch {
    return defaultWindowState(workAreas);
  }
}

/** Writes atomically (temp file + rename); a failure only loses the remembered size. */
export function saveWindowState(file: string, state: { bounds: Rect; maximized: boolean }): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    const { x, y, width, height } = state.bounds;
    writeFileSync(temp, JSON.stringify({ bounds: { x, y, width, height }, maximized: state.maximized }));
    renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}
