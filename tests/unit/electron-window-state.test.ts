import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  sanitizeWindowState,
  saveWindowState,
} from '../../main/shell/window-state.ts';

const FULL_HD = [{ x: 0, y: 0, width: 1920, height: 1040 }];

describe('window state', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-window-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to 1366x860, centred, when nothing is saved or the file is damaged', () => {
    expect(loadWindowState(join(dir, 'none.json'), FULL_HD)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    writeFileSync(join(dir, 'bad.json'), '{not json');
    expect(loadWindowState(join(dir, 'bad.json'), FULL_HD)).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    expect(sanitizeWindowState({ bounds: { width: 'wide', height: 3 } }, FULL_HD)).toEqual({
      bounds: DEFAULT_SIZE,
      maximized: false,
    });
  });

  it('fits the default into a small screen but never below the minimum', () => {
    expect(sanitizeWindowState(null, [{ x: 0, y: 0, width: 1280, height: 720 }]).bounds).toEqual({
      width: 1280,
      height: 720,
    });
    expect(sanitizeWindowState(null, [{ x: 0, y: 0, width: 800, height: 600 }]).bounds).toEqual(MIN_SIZE);
  });

  it('remembers bounds and maximized state across a save and load', () => {
    const file = join(dir, 'nested', 'window-state.json');
    expect(saveWindowState(file, { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true })).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 100, y: 50, width: 1400, height: 900 },
      maximized: true,
    });
    expect(loadWindowState(file, FULL_HD)).toEqual({
      bounds: { x: 100, y: 50, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('enforces the minimum size', () => {
    expect(
      sanitizeWindowState({ bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }, FULL_HD).bounds,
    ).toEqual({
      x: 10,
      y: 10,
      ...MIN_SIZE,
    });
  });

  it('centres a window saved on a display that is gone', () => {
    const saved = { bounds: { x: 3000, y: 100, width: 1366, height: 860 }, maximized: false };
    expect(sanitizeWindowState(saved, FULL_HD)).toEqual({ bounds: { width: 1366, height: 860 }, maximized: false });
    const aboveTop = { bounds: { x: 100, y: -400, width: 1366, height: 860 }, maximized: false };
    expect(sanitizeWindowState(aboveTop, FULL_HD).bounds).toEqual({ width: 1366, height: 860 });
  });

  it('keeps a window on a second display', () => {
    const twoScreens = [...FULL_HD, { x: 1920, y: 0, width: 2560, height: 1400 }];
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: false };
    expect(sanitizeWindowState(saved, twoScreens).bounds).toEqual({ x: 2000, y: 100, width: 1600, height: 1000 });
  });
});
