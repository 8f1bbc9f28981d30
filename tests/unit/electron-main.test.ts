import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * main/index.ts end to end with Electron mocked (the only mock besides the clock): real
 * AppCore on a temp user data folder, real IPC registration, real protocol handler.
 */

interface FakeWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown> };
  loadedUrl: string;
  focused: number;
  webContents: EventEmitter & { id: number };
}

const state = vi.hoisted(() => ({
  userData: '',
  lockAvailable: true,
  calls: [] as string[],
  schemes: [] as unknown[],
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  devicePermission: null as null | (() => boolean),
  blockedUrls: [] as string[],
  blockDecision: null as null | unknown,
  windows: [] as unknown[],
  app: null as null | (EventEmitter & { quit(): void }),
  quitsCompleted: 0,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class App extends Emitter {
    requestSingleInstanceLock = () => state.lockAvailable;
    whenReady = () => Promise.resolve();
    getPath = () => state.userData;
    getName = () => 'Clinic desk';
    isPackaged = true;
    enableSandbox = () => state.calls.push('enableSandbox');
    setAppUserModelId = () => undefined;
    exit = (code: number) => state.calls.push(`exit ${code}`);
    quit(): void {
      state.calls.push('quit');
      let prevented = false;
      this.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) state.quitsCompleted += 1;
    }
  }
  const app = new App();
  state.app = app;
  let nextId = 1;
  class BrowserWindow extends Emitter {
    readonly options: Record<string, unknown>;
    readonly webContents = Object.assign(new Emitter(), {
      id: nextId++,
      send: () => undefined,
      isDestroyed: () => false,
      reload: () => state.calls.push('reload'),
    });
    isDestroyed = () => false;
    loadedUrl = '';
    focused = 0;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show = () => undefined;
    maximize = () => undefined;
    isMinimized = () => false;
    restore = () => undefined;
    focus = () => {
      this.focused += 1;
    };
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1366, height: 860 });
  }
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string) => state.calls.push(`error box: ${title}`),
      showMessageBox: (_window: unknown, request: { title: string }) => {
        state.calls.push(`message box: ${request.title}`);
        return Promise.resolve({ response: 0 });
      },
    },
    crashReporter: { start: (options: unknown) => state.calls.push(`crashReporter ${JSON.stringify(options)}`) },
    shell: { openPath: (path: string) => Promise.resolve(state.calls.push(`open ${path}`) && '') },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: { label?: string }[] }) =>
        state.calls.push(`menu: ${menu.template.map((item) => item.label).join(',')}`),
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
        state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => state.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => state.protocolHandlers.set(scheme, fn),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permissionRequest) => (state.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof state.permissionCheck) => (state.permissionCheck = fn),
        setDevicePermissionHandler: (fn: typeof state.devicePermission) => (state.devicePermission = fn),
        webRequest: {
          onBeforeRequest: (
            filter: { urls: string[] },
            fn: (details: unknown, callback: (response: unknown) => void) => void,
          ) => {
            state.blockedUrls = filter.urls;
            fn({}, (response) => (state.blockDecision = response));
          },
        },
      },
    },
  };
});

state.userData = mkdtempSync(join(tmpdir(), 'clinic-main-'));
afterAll(() => rmSync(state.userData, { recursive: true, force: true }));

await import('../../main/index.ts');
await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 10_000 });
const window = state.windows[0] as FakeWindow;
const app = state.app as EventEmitter & { quit(): void };
const appFrameEvent = {
  sender: { id: window.webContents.id },
  senderFrame: { url: 'app://clinic/index.html', parent: null },
};

describe('main/index.ts', () => {
  it('registers app:// as a standard, secure scheme and enables the sandbox for every renderer', () => {
    expect(state.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(state.calls).toContain('enableSandbox');
  });

  it('replaces the default menu (its Help links to electronjs.org) with ours', () => {
    expect(state.calls).toContainEqual(expect.stringMatching(/^menu: .*&Edit,&View,&Window,&Help$/));
  });

  it('denies every permission request and check, and cancels remote requests', () => {
    const granted: boolean[] = [];
    state.permissionRequest?.({}, 'media', (g) => granted.push(g));
    state.permissionRequest?.({}, 'notifications', (g) => granted.push(g));
    expect(granted).toEqual([false, false]);
    expect(state.permissionCheck?.()).toBe(false);
    expect(state.devicePermission?.()).toBe(false);
    expect(state.blockedUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    expect(state.blockDecision).toEqual({ cancel: true });
  });

  it('opens the window on the app URL with the built preload, the database in userData', () => {
    expect(window.loadedUrl).toBe('app://clinic/index.html');
    expect(String(window.options.webPreferences.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(existsSync(join(state.userData, 'clinic.sqlite'))).toBe(true);
  });

  it('answers IPC from the app window through the real dispatcher, refuses others', async () => {
    const status = state.ipcHandlers.get('clinic:setup.status');
    await expect(status?.(appFrameEvent, {})).resolves.toEqual({
      ok: true,
      value: { needsSetup: true, clinicName: null },
    });
    const foreign = { ...appFrameEvent, senderFrame: { url: 'file:///tmp/x.html', parent: null } };
    await expect(status?.(foreign, {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('serves app:// with the CSP and refuses path traversal', async () => {
    const handler = state.protocolHandlers.get('app');
    const outside = await handler?.(new Request('app://clinic/%2e%2e/package.json'));
    expect(outside?.status).toBe(404);
    expect(outside?.headers.get('content-security-policy')).toContain("script-src 'self'");
    const encoded = await handler?.(new Request('app://clinic/..%2fpackage.json'));
    expect(encoded?.status).toBe(404);
  });

  it('guards every new webContents (navigation, window.open, webview)', () => {
    let openHandler: (() => unknown) | null = null;
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (fn: () => unknown) => (openHandler = fn),
    });
    app.emit('web-contents-created', {}, contents);
    const away = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { url: 'app://clinic/index.html#/today', preventDefault: vi.fn() };
    contents.emit('will-navigate', home);
    expect(home.preventDefault).not.toHaveBeenCalled();
    expect(openHandler).not.toBeNull();
    expect((openHandler as unknown as () => unknown)()).toEqual({ action: 'deny' });
  });

  it('keeps crash dumps on this PC and offers a reload when the window’s renderer is gone', async () => {
    expect(state.calls).toContain('crashReporter {"uploadToServer":false,"compress":true}');
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 133 });
    await vi.waitFor(() => expect(state.calls).toContain('reload'));
    expect(state.calls).toContain('message box: Clinic desk stopped working');
  });

  it('focuses the existing window when a second instance starts', () => {
    app.emit('second-instance', {}, [], '');
    expect(window.focused).toBe(1);
  });

  it('closes the database once and then quits, whichever way quitting starts', async () => {
    const wal = join(state.userData, 'clinic.sqlite-wal');
    expect(existsSync(wal)).toBe(true);
    app.emit('window-all-closed');
    app.quit();
    await vi.waitFor(() => expect(state.quitsCompleted).toBeGreaterThanOrEqual(1));
    // better-sqlite3 checkpoints and removes the WAL file when the last connection closes.
    expect(existsSync(wal)).toBe(false);
    expect(state.ipcHandlers.size).toBe(0);
  });
});

describe('single instance', () => {
  it('a second copy quits without opening the database or a window', async () => {
    vi.resetModules();
    state.lockAvailable = false;
    state.windows.length = 0;
    state.calls.length = 0;
    await import('../../main/index.ts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.calls).toContain('quit');
    expect(state.windows).toHaveLength(0);
  });
});
