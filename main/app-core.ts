import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '#db/connection-any.ts';
import { hostname } from 'node:os';
import { createConnectionControl, type ConnectionOptions } from './connection/control.ts';
import { passVersionGate, type UpgradeConfirmation } from './connection/version-gate.ts';
import type { PgEventBridge } from './events/pg-bridge.ts';
import { createDispatcher, type Dispatcher } from './ipc/dispatch.ts';
import { createEventHub, type EventHub } from './ipc/event-hub.ts';
import { createSessionStore, type SessionStore } from './ipc/sessions.ts';
import { createOperations } from './services/operations/backup-host.ts';
import { systemClock, type Clock } from './services/core/clock.ts';
import { createServices, type Services } from './services/index.ts';
import { createHorizonKeeper } from './services/schedule/horizon-keeper.ts';
import { consoleLogger, type Logger } from './services/core/logger.ts';
import { APP_VERSION } from './services/core/app-version.ts';
import { createPrinting, type Printing } from './printing/printing.ts';
import type { UpdatesControl } from './updates/control.ts';

/** Everything main runs, without Electron: used by the desktop app, the web shell, the CLI and tests. */
export interface AppCore {
  database: DatabaseHandle;
  services: Services;
  sessions: SessionStore;
  hub: EventHub;
  dispatcher: Dispatcher;
  /** The clinic server's URL in server mode (never logged as is: redactUrl), else null. */
  serverUrl: string | null;
  /**
   * Moves the running core onto another database (first run: a clinic server, or back to the
   * file on this computer): opens and migrates it, calls `commit` (which remembers the choice),
   * then swaps the database, services, sessions, dispatcher and operations the way a restore
   * does, and starts the LISTEN/NOTIFY bridge on a server. If anything before the swap fails,
   * the core stays where it was.
   */
  switchDatabase(target: DatabaseTarget, commit?: () => void | Promise<void>): Promise<void>;
  /** Runs the jobs due on the core's clock (slots to the horizon, then the daily backup, whose result it returns). */
  tick(): Promise<unknown>;
  close(): Promise<void>;
}

export interface AppCoreOptions {
  /** A SQLite file (built-in mode) ... */
  dbFile?: string;
  /** ... or the clinic server's PostgreSQL URL ... */
  databaseUrl?: string;
  /** ... or an open handle, which the core then owns and closes. */
  database?: DatabaseHandle;
  clock?: Clock;
  logger?: Logger;
  /** The first-run choice of where the data lives (fixed by the environment, where it is kept). */
  connection?: ConnectionOptions;
  /** This app's version (package.json's by default; tests play older and newer PCs). */
  appVersion?: string;
  /** This PC's name, recorded when it migrates the database (os.hostname() by default). */
  hostName?: string;
  /** An administrator's confirmation to migrate a clinic server that holds data (see version-gate.ts). */
  upgrade?: UpgradeConfirmation;
  /** The log folder and Electron's crashDumps folder, for the diagnostics export. */
  logDir?: string | null;
  crashDumpsDir?: string | null;
  /** This PC's updates (the desktop app and the web shell; elsewhere none are looked for). */
  updates?: UpdatesControl | null;
  /** This PC's printer and receipt paper (default: no printer, settings for the run only). */
  printing?: Printing;
}

async function openFrom({ dbFile, databaseUrl, database }: AppCoreOptions): Promise<DatabaseHandle> {
  if (database) return database;
  if (databaseUrl) return openDatabase({ url: databaseUrl });
  if (dbFile) return openDatabase({ file: dbFile });
  throw new Error('startAppCore needs dbFile, databaseUrl or database.');
}

/** How often main looks whether the booking horizon moved (a new clinic day, a changed setting). */
const HORIZON_CHECK_MS = 60 * 60 * 1000;

export async function startAppCore(options: AppCoreOptions): Promise<AppCore> {
  const { clock = systemClock, logger = consoleLogger, appVersion = APP_VERSION, hostName = hostname() } = options;
  // Nothing reads or writes the data before the gate has compared the database with this app.
  const gate = (next: DatabaseHandle, upgrade?: UpgradeConfirmation): Promise<string[]> =>
    passVersionGate(next.db, { kind: next.kind, appVersion, host: hostName, clock, logger, upgrade });
  const database = await openFrom(options);
  try {
    await gate(database, options.upgrade);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  const dbFile = database.kind === 'sqlite' ? (options.dbFile ?? null) : null;
  let operations = createOperations({ dbFile, clock, logger });
  const services = createServices({ db: database.db, clock, logger }, operations.host);
  const sessions = createSessionStore(clock);
  const hub = createEventHub();
  const connection = createConnectionControl(() => core, options.connection ?? {}, logger);
  const runtime = {
    appVersion,
    logDir: options.logDir ?? null,
    crashDumpsDir: options.crashDumpsDir ?? null,
    updates: options.updates ?? null,
    printing: options.printing ?? createPrinting({ file: null, printer: null, logger }),
  };
  const dispatcher = createDispatcher({ services, sessions, hub, connection, runtime });
  let bridge: PgEventBridge | null = null;
  const horizon = createHorizonKeeper({
    db: () => core.database.db,
    clock,
    logger,
    generate: () => core.services.slots.generate(null),
  });
  const horizonTimer = setInterval(() => void horizon.check(), HORIZON_CHECK_MS);
  horizonTimer.unref();
  const core: AppCore = {
    database,
    services,
    sessions,
    hub,
    dispatcher,
    serverUrl: database.kind === 'postgres' ? (options.databaseUrl ?? null) : null,
    switchDatabase: async (target, commit) => {
      const next = await openDatabase(target);
      try {
        // First run onto a server: a confirmation given at start-up is not reused here.
        await gate(next);
        await commit?.();
      } catch (error) {
        await next.close().catch(() => undefined);
        throw error;
      }
      const previous = core.database;
      // Backups and restore are SQLite's: in server mode the server's own backups apply.
      const file = 'file' in target ? target.file : null;
      operations.stop();
      operations = createOperations({ dbFile: file, clock, logger });
      attachOperations(file);
      install(next);
      core.serverUrl = 'url' in target ? target.url : null;
      const previousBridge = bridge;
      bridge = null;
      await previousBridge?.close();
      await previous
        .close()
        .catch((error: unknown) => logger.error('Closing the previous database failed', { error: String(error) }));
      await startBridge();
      operations.start();
      await horizon.check();
    },
    tick: async () => {
      await horizon.check();
      return operations.tick();
    },
    close: async () => {
      clearInterval(horizonTimer);
      operations.stop();
      await horizon.settled();
      await bridge?.close();
      return core.database.close();
    },
  };
  // Swapping the database (a restore, the move onto a clinic server): rebuild the services and
  // dispatcher on it and start a new session store (everyone signs in again; the transports
  // read core.* on every call).
  /** A restored file starts with nobody signed in; the same clinic, now encrypted, keeps its sessions. */
  function install(next: DatabaseHandle, sessions = createSessionStore(clock)): void {
    core.database = next;
    core.services = createServices({ db: next.db, clock, logger }, operations.host);
    core.sessions = sessions;
    core.dispatcher = createDispatcher({
      services: core.services,
      sessions: core.sessions,
      hub,
      connection,
      runtime,
    });
  }
  async function startBridge(): Promise<void> {
    const { pool } = core.database;
    if (!pool || bridge) return;
    // Clinic server mode: events reach the windows of every PC on the same database.
    const { bridgeEventsOverPostgres } = await import('./events/pg-bridge.ts');
    bridge = bridgeEventsOverPostgres({ pool, hub, sessions: () => core.sessions, logger });
    await bridge.ready;
  }
  // A restore or the encryption of the file swaps it: reopen it and install it.
  function attachOperations(file: string | null): void {
    operations.attach(core, async (keepSessions) => {
      const reopened = await openFrom({ dbFile: file ?? undefined });
      await gate(reopened);
      install(reopened, keepSessions ? core.sessions : undefined);
      return reopened.db;
    });
  }
  attachOperations(dbFile);
  operations.start();
  // Days may have passed since the app last ran: bring the slots up to today's horizon first.
  await horizon.check();
  await startBridge();
  return core;
}
