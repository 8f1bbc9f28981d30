import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, crashReporter, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import type { AppCore } from './app-core.ts';
import { StartupError } from './connection/start-failure.ts';
import { startFromChoice } from './connection/startup.ts';
import { CONNECTION_FILE_NAME, createFileConnectionStore } from './connection/store.ts';
import { createStartHoldDesk, heldCore } from './connection/start-hold.ts';
import { clientKeyOf, registerIpc, type IpcRegistration } from './ipc/register.ts';
import { exportDiagnosticsFromMenu } from './shell/diagnostics-menu.ts';
import { installCrashHandlers } from './logging/crash-handlers.ts';
import { createFileLogger, logDirFor, switchableLogger } from './logging/file-logger.ts';
import { systemClock } from './services/core/clock.ts';
import { consoleLogger } from './services/core/logger.ts';
import { DATABASE_FILE_NAME, prepareDataFolder } from './paths.ts';
import { APP_VERSION } from './services/core/app-version.ts';
import { setApplicationMenu } from './shell/menu.ts';
import { databaseModeOf } from './shell/menu-template.ts';
import { electronSecretStore } from './shell/secret-store-electron.ts';
import {
  createKeychainKeeper,
  KEY_FILE_NAME,
  keyTextFromEnvironment,
  prepareDesktopKey,
} from './encryption/desktop-key.ts';
import { useKeyKeeper } from './services/encryption/index.ts';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  BLOCKED_REQUEST_PATTERNS,
  createAppRequestHandler,
  permissionDecision,
} from './shell/security.ts';
import { WINDOW_STATE_FILE_NAME } from './shell/window-state.ts';
import { LOCAL_CRASH_DUMPS, watchWindowHealth } from './shell/window-health.ts';
import { createMainWindow, guardWebContents } from './shell/window.ts';
import { runInstallerAndQuit } from './shell/install-update.ts';
import { electronPrinter } from './shell/print-window.ts';
import { createPrinting, PRINTING_FILE_NAME } from './printing/printing.ts';
import { createFileSourceStore, createUpdatesControl, UPDATES_FILE_NAME } from './updates/control.ts';

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
let stopUpdateChecks: (() => void) | null = null;
// The console until start() opens the log files beside the database (logs/ in the data folder).
const logger = switchableLogger(consoleLogger);

/** Closes the database once, however many quit paths ask for it. */
function closeCore(): Promise<void> {
  closing ??= (async () => {
    stopUpdateChecks?.();
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
  const registration = ipc;
  const window = createMainWindow({
    preloadPath: PRELOAD_PATH,
    stateFile: join(app.getPath('userData'), WINDOW_STATE_FILE_NAME),
    entryUrl: APP_ENTRY_URL,
    devTools: !app.isPackaged,
  });
  mainWindow = window;
  registration.attachWebContents(window.webContents);
  // A crashed or hung window offers a reload (the database and main keep running).
  watchWindowHealth(window, {
    logger,
    ask: (request) => dialog.showMessageBox(window, request),
    quit: () => app.quit(),
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

/** Help › Export diagnostics: the Admin screen's export for this window's session, saved where the admin says. */
async function exportDiagnostics(): Promise<void> {
  const window = mainWindow;
  const current = core;
  if (!window || !current) return;
  const tell = async (message: string): Promise<void> => {
    await dialog.showMessageBox(window, { type: 'info', title: 'Export diagnostics', message, buttons: ['OK'] });
  };
  await exportDiagnosticsFromMenu({
    dispatch: (key, channel, input) => current.dispatcher.dispatch(key, channel, input),
    clientKey: clientKeyOf(window.webContents.id),
    chooseFile: async (fileName) => {
      const { canceled, filePath } = await dialog.showSaveDialog(window, {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      });
      return canceled || !filePath ? null : filePath;
    },
    writeFile: (path, data) => writeFile(path, data),
    tell,
  }).catch((error: unknown) => {
    logger.error('Exporting diagnostics failed', { error });
    return tell('The diagnostics could not be saved there. Choose another folder and try again.');
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
  const logDir = logDirFor({ folder: dataFolder });
  await createFileLogger(logDir).then(logger.use, (error: unknown) =>
    logger.warn('The log files could not be opened; logging to the console only', { error }),
  );
  hardenDefaultSession();
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler(RENDERER_DIR, (file) => readFile(file)),
  );
  // A question before the app can open (the recovery words of an encrypted file this PC keeps no
  // key for; a server update to confirm): the window talks to the held desk until it is answered
  // there, or closed to quit.
  const hold = createStartHoldDesk();
  const showHeldWindow = (): void => {
    if (ipc) return;
    ipc = registerIpc(ipcMain, heldCore(hold, systemClock), APP_ORIGIN);
    openWindow();
    mainWindow?.on('closed', hold.cancel);
  };
  // An encrypted clinic file: its key from the keychain, else the recovery words (see desktop-key.ts).
  const keeper = createKeychainKeeper(join(dataFolder, KEY_FILE_NAME), electronSecretStore());
  useKeyKeeper(keeper);
  const keyReady =
    Boolean(process.env.CLINIC_DATABASE_URL) ||
    (await prepareDesktopKey({
      dbFile: join(dataFolder, DATABASE_FILE_NAME),
      keeper,
      askKeyText: keyTextFromEnvironment(process.env, (problem) => {
        showHeldWindow();
        return hold.askKey(problem);
      }),
    }));
  if (!keyReady) {
    readyToQuit = true;
    app.quit();
    return;
  }
  // The update source is this PC's (updates.json beside the database), checked at start and daily.
  const updates = createUpdatesControl({
    store: createFileSourceStore(join(dataFolder, UPDATES_FILE_NAME)),
    appVersion: APP_VERSION,
    downloadsDir: join(userData, 'updates'),
    clock: systemClock,
    logger,
    launch: (installer) => runInstallerAndQuit(installer, logger),
  });
  core = await startFromChoice({
    userData: dataFolder,
    core: {
      logger,
      logDir,
      crashDumpsDir: app.getPath('crashDumps'),
      updates,
      printing: createPrinting({ file: join(dataFolder, PRINTING_FILE_NAME), printer: electronPrinter(), logger }),
    },
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
    onUpgradeNeedsConfirmation: (error, problem) => {
      showHeldWindow();
      return hold.askUpgrade(error, problem);
    },
  }).catch((error: unknown) => {
    hold.settle({ failed: error instanceof Error ? error.message : String(error) });
    throw error;
  });
  ipc?.dispose();
  ipc = null;
  if (!core) {
    readyToQuit = true;
    app.quit();
    return;
  }
  ipc = registerIpc(ipcMain, core, APP_ORIGIN);
  setApplicationMenu({
    version: APP_VERSION,
    databaseMode: () => databaseModeOf(core?.serverUrl ?? null),
    onExportDiagnostics: () => void exportDiagnostics(),
  });
  if (mainWindow) {
    // The held window goes on into the app once its confirmation is answered (AppGate).
    mainWindow.off('closed', hold.cancel);
    ipc.attachWebContents(mainWindow.webContents);
  } else openWindow();
  hold.settle({ started: true });
  stopUpdateChecks = updates.schedule();
}

if (!app.requestSingleInstanceLock()) {
  // Another Clinic desk is running: it gets focused (second-instance) and this one leaves.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('org.clinicdesk.app');
  // Native crash dumps stay in the crashDumps folder of this PC (Export diagnostics lists them).
  crashReporter.start(LOCAL_CRASH_DUMPS);
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
