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
import { installCrashHandlers } from './logging/crash-handlers.ts';
import { createFileLogger, logDirFor, switchableLogger } from './logging/file-logger.ts';
import { consoleLogger } from './services/core/logger.ts';
import { prepareDataFolder } from './paths.ts';
import { APP_VERSION } from './services/core/app-version.ts';
import { setApplicationMenu } from './shell/menu.ts';
import { databaseModeOf } from './shell/menu-template.ts';
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
// The console until start() opens the log files beside the database (logs/ in the data folder).
const logger = switchableLogger(consoleLogger);

/** Closes the database once, however many quit paths ask for it. */
function closeCore(): Promise<void> {
  closing ??= (async () => {
    ipc?.dispose();
    ipc = null;
    const current = core;
    core = null;
    if (current) await current.close();
  })()
    .catch((error: unknown) => logger.error('Closing the database failed', { error }))
    .finally(() => logger.flush());
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
  // Windows keeps the database in %PROGRAMDATA% (shared, not roaming), moved once from %APPDATA%;
  // elsewhere it stays in userData. Window state stays per user in userData.
  const dataFolder = process.platform === 'win32' ? prepareDataFolder().folder : userData;
  await createFileLogger(logDirFor({ folder: dataFolder })).then(logger.use, (error: unknown) =>
    logger.warn('The log files could not be opened; logging to the console only', { error }),
  );
  hardenDefaultSession();
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler(RENDERER_DIR, (file) => readFile(file)),
  );
  core = await startFromChoice({
    userData: dataFolder,
    core: { logger },
    store: createFileConnectionStore(join(dataFolder, CONNECTION_FILE_NAME), electronSecretStore()),
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
  setApplicationMenu({ version: APP_VERSION, databaseMode: () => databaseModeOf(core?.serverUrl ?? null) });
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Clinic desk is running: it gets focused (second-instance) and this one leaves.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('org.clinicdesk.app');
  // Logged with the stack, then the database is closed and the app exits (not Electron's dialog).
  installCrashHandlers(process, logger, { onUncaughtException: () => void closeCore().finally(() => app.exit(1)) });
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
    logger.error('Clinic desk could not start', { error });
    logger.flush();
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
