import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import type { AppCore } from './app-core.ts';
import { StartupError } from './connection/start-failure.ts';
import { startFromChoice } from './connection/startup.ts';
import { CONNECTION_FILE_NAME, createFileConnectionStore } from './connection/store.ts';
import { registerIpc, type IpcRegistration } from './ipc/register.ts';
import { electronSecretStore } from './shell/secret-store-electron.ts';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  BLOCKED_REQUEST_PATTERNS,
  createAppRequestHandler,
  permissionDecision,
} from './shell/security.ts';
import { WINDOW_STATE_FILE_NAME } from './shell/window-state.ts';
import { createMainWindow, guardWebContents } from './shell/window.ts';

/**
 * Electron entry (bundled to out/main/index.js). Owns the database through AppCore, serves the
 * renderer from app://clinic (out/renderer) with a strict CSP, and wires IPC to the dispatcher.
 */

// out/main/index.js → out/renderer, out/preload/index.cjs
const OUT_DIR = fileURLToPath(new URL('..', import.meta.url));
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const PRELOAD_PATH = join(OUT_DIR, 'preload', 'index.cjs');

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
  },
]);
app.enableSandbox();

let core: AppCore | null = null;
let ipc: IpcRegistration | null = null;
let mainWindow: BrowserWindow | null = null;
let closing: Promise<void> | null = null;
let readyToQuit = false;

/** Closes the database once, however many quit paths ask for it. */
function closeCore(): Promise<void> {
  closing ??= (async () => {
    ipc?.dispose();
    ipc = null;
    const current = core;
    core = null;
    if (current) await current.close();
  })().catch((error: unknown) => console.error('Closing the database failed', error));
  return closing;
}

function openWindow(): void {
  if (!ipc) return;
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE_NAME),
    entryUrl: APP_ENTRY_URL,
    devTools: !app.isPackaged,
  });
  mainWindow = window;
  ipc.attachWebContents(window.webContents);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(permissionDecision()));
  ses.setPermissionCheckHandler(() => permissionDecision());
  ses.setDevicePermissionHandler(() => permissionDecision());
  ses.webRequest.onBeforeRequest({ urls: [...BLOCKED_REQUEST_PATTERNS] }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });
  hardenDefaultSession();
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler(RENDERER_DIR, (file) => readFile(file)),
  );
  core = await startFromChoice({
    userData,
    store: createFileConnectionStore(join(userData, CONNECTION_FILE_NAME), electronSecretStore()),
    onServerUnreachable: async (where) => {
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        buttons: ['Retry', 'Quit'],
        defaultId: 0,
        cancelId: 1,
        title: 'Clinic server unreachable',
        message: `The clinic server (${where}) cannot be reached.`,
        detail: 'Check the network and that the server is running, then choose Retry.',
      });
      return response === 0;
    },
  });
  if (!core) {
    readyToQuit = true;
    app.quit();
    return;
  }
  ipc = registerIpc(ipcMain, core, APP_ORIGIN);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Clinic desk is running: it gets focused (second-instance) and this one leaves.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('org.clinicdesk.app');
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, APP_ORIGIN));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('before-quit', (event) => {
    if (readyToQuit) return;
    event.preventDefault();
    void closeCore().finally(() => {
      readyToQuit = true;
      app.quit();
    });
  });
  start().catch((error: unknown) => {
    console.error('Clinic desk could not start', error);
    // StartupError says what went wrong (outdated PC, held upgrade, refused sign-in, migration).
    dialog.showErrorBox(
      'Clinic desk could not start',
      error instanceof StartupError
        ? error.message
        : 'The clinic database could not be opened. Close any other copy of Clinic desk and try again; if it keeps happening, ask the administrator.',
    );
    void closeCore().finally(() => app.exit(1));
  });
}
