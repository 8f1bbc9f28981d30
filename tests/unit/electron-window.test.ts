import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: { options: Record<string, unknown>; window: unknown }[] = [];
  return { created };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    readonly options: Record<string, unknown>;
    loadedUrl = '';
    shown = false;
    maximized = false;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      electron.created.push({ options, window: this });
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.shown = true;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds() {
      return { x: 40, y: 30, width: 1500, height: 900 };
    }
  }
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };
  return { BrowserWindow, screen };
});

const { createMainWindow, guardWebContents } = await import('../../main/shell/window.ts');
const { APP_ENTRY_URL, APP_ORIGIN } = await import('../../main/shell/security.ts');

interface FakeWindow extends EventEmitter {
  loadedUrl: string;
  shown: boolean;
  maximized: boolean;
}

describe('main window', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-win-'));
    electron.created.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is created with exactly the secure webPreferences, hidden until ready, at a sensible size', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      stateFile: join(dir, 'w.json'),
      entryUrl: APP_ENTRY_URL,
      devTools: false,
    });
    const [{ options, window }] = electron.created as [{ options: Record<string, unknown>; window: FakeWindow }];
    expect(options.webPreferences).toStrictEqual({
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/out/preload/index.cjs',
    });
    expect(options).toMatchObject({ width: 1366, height: 860, minWidth: 1024, minHeight: 700, show: false });
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('remembers its bounds when closed and reopens there', () => {
    const stateFile = join(dir, 'w.json');
    createMainWindow({ preloadPath: '/p.cjs', stateFile, entryUrl: APP_ENTRY_URL, devTools: false });
    (electron.created[0]?.window as FakeWindow).emit('close');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      bounds: { x: 40, y: 30, width: 1500, height: 900 },
      maximized: false,
    });
    createMainWindow({ preloadPath: '/p.cjs', stateFile, entryUrl: APP_ENTRY_URL, devTools: false });
    expect(electron.created[1]?.options).toMatchObject({ x: 40, y: 30, width: 1500, height: 900 });
  });
});

class FakeContents extends EventEmitter {
  openHandler: (() => unknown) | null = null;
  setWindowOpenHandler(handler: () => unknown): void {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('web contents guards', () => {
  const contents = new FakeContents();
  guardWebContents(contents as unknown as WebContents, APP_ORIGIN);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: allows the app, denies anything else',
    (name) => {
      const inside = navigationEvent(`${APP_ORIGIN}/index.html#/today`);
      contents.emit(name, inside);
      expect(inside.preventDefault).not.toHaveBeenCalled();
      for (const url of [
        'https://example.com/',
        'file:///etc/passwd',
        'http://127.0.0.1:3000/',
        'app://elsewhere/index.html',
      ]) {
        const outside = navigationEvent(url);
        contents.emit(name, outside);
        expect(outside.preventDefault).toHaveBeenCalledOnce();
      }
    },
  );

  it('denies window.open', () => {
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('denies <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
