import { existsSync, mkdirSync } from 'node:fs';
import { fileEncryption, useDatabaseKey } from '#db/cipher.ts';
import { NO_KEYCHAIN, prepareDesktopKey } from '../encryption/desktop-key.ts';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startAppCore } from '../app-core.ts';
import { createMemoryConnectionStore } from '../connection/store.ts';
import { resolveDatabaseKey } from '../cli/key.ts';
import { redactUrl } from '../cli/move-to-server.ts';
import { promptSecret } from '../cli/prompt.ts';
import { installCrashHandlers } from '../logging/crash-handlers.ts';
import { systemClock } from '../services/core/clock.ts';
import { APP_VERSION } from '../services/core/app-version.ts';
import { createFileSourceStore, createUpdatesControl, UPDATES_FILE_NAME } from '../updates/control.ts';
import { createFileLogger, logDirFor, teeLogger } from '../logging/file-logger.ts';
import { consoleLogger } from '../services/core/logger.ts';
import { DATABASE_FILE_NAME, prepareDataFolder, userDataDir } from '../paths.ts';
import { isLoopbackHost } from './guards.ts';
import { openInBrowser } from './open-browser.ts';
import { startWebServer, type ServedCore, type WebServer } from './server.ts';
import { startWebShell } from './web-start.ts';

// `npm run web`: the app in a browser, for machines without Electron and for e2e tests.
// Usage: node main/web/serve.ts [--db FILE] [--port N] [--host 127.0.0.1] [--open]
// --open (what `npm start` passes without Electron) opens the address in the default browser.

const DEFAULT_PORT = 5417;
const projectRoot = resolve(import.meta.dirname, '..', '..');

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean' },
  },
  strict: true,
});

const host = values.host ?? '127.0.0.1';
if (!isLoopbackHost(host))
  fail(`Refusing to listen on ${host}: the web shell is only for this computer (use 127.0.0.1).`);
const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail('--port must be a whole number from 0 to 65535.');

const rendererDir = join(projectRoot, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html')))
  fail('The app is not built yet. Run "npm run build:renderer" first (npm run web does it for you).');

// Clinic server mode: CLINIC_DATABASE_URL (postgres://…) instead of a file on this computer.
const databaseUrl = process.env.CLINIC_DATABASE_URL;
// The default is the desktop app's file (on Windows, moved once out of %APPDATA%).
const dbFile = resolve(values.db ?? process.env.CLINIC_DB ?? join(prepareDataFolder().folder, DATABASE_FILE_NAME));
if (!databaseUrl) mkdirSync(dirname(dbFile), { recursive: true });
// The first-run choice of a clinic server lasts for this run (no keychain here, so no password
// is written to disk); CLINIC_DATABASE_URL fixes it.
const connection = {
  fixedByEnvironment: Boolean(databaseUrl),
  store: createMemoryConnectionStore(),
  localFile: dbFile,
};
// Logs beside the database file (or in the per-user folder in server mode); CLINIC_LOG_DIR overrides.
const fileLogger = await createFileLogger(logDirFor({ dbFile: databaseUrl ? null : dbFile }));
installCrashHandlers(process, fileLogger, { onUncaughtException: () => process.exit(1) });
const logger = teeLogger(consoleLogger, fileLogger);
// An encrypted clinic's key: CLINIC_DB_KEY (the key or the 24 recovery words), a prompt in the
// terminal, or, started without one (npm start from a shortcut), the unlock page in the browser.
const unlockInBrowser =
  !databaseUrl && !process.env.CLINIC_DB_KEY?.trim() && !process.stdin.isTTY && fileEncryption(dbFile) === 'encrypted';
if (!databaseUrl && !unlockInBrowser) {
  try {
    useDatabaseKey(await resolveDatabaseKey([dbFile], process.env, process.stdin.isTTY ? promptSecret : undefined));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
// Updates: the web shell checks this PC's update source and shows what is new; only the desktop
// app installs (no launcher here). Diagnostics include the log folder.
const updates = createUpdatesControl({
  store: createFileSourceStore(join(databaseUrl ? userDataDir() : dirname(dbFile), UPDATES_FILE_NAME)),
  appVersion: APP_VERSION,
  downloadsDir: join(tmpdir(), 'clinic-desk-updates'),
  clock: systemClock,
  logger,
});
async function listen(served: ServedCore): Promise<WebServer> {
  try {
    return await startWebServer({ core: served, rendererDir, host, port });
  } catch (error) {
    // The usual port is taken (another copy running?): take any free one rather than fail.
    if (values.port === undefined && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      return startWebServer({ core: served, rendererDir, host, port: 0 });
    }
    throw error;
  }
}

const started = await startWebShell({
  start: (upgrade) =>
    startAppCore({
      ...(databaseUrl ? { databaseUrl } : { dbFile }),
      connection,
      logger,
      logDir: fileLogger.dir,
      updates,
      ...(upgrade ? { upgrade } : {}),
    }),
  listen,
  where: databaseUrl ? redactUrl(databaseUrl) : null,
  logger,
  clock: systemClock,
  // The recovery words, or a newer copy than the clinic server's tables: answered in the browser.
  onHeld: async (url) => {
    console.log(`Clinic desk needs an answer before it opens. Open ${url} to give it.`);
    if (values.open) await openInBrowser(url);
  },
  ...(unlockInBrowser
    ? { prepareKey: (askOnScreen) => prepareDesktopKey({ dbFile, keeper: NO_KEYCHAIN, askKeyText: askOnScreen }) }
    : {}),
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
if (!started) process.exit(0);
const { core, server } = started;

console.log(`Clinic desk is running. Open ${server.url} in your browser.`);
console.log(`Database: ${databaseUrl ? redactUrl(databaseUrl) : dbFile}`);
console.log(`Logs: ${fileLogger.dir}`);
console.log('Press Ctrl+C to stop.');
// A held start has opened the page already; it goes on into the app by itself.
if (values.open && !started.wasHeld) await openInBrowser(server.url);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await core.close();
  await fileLogger.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
