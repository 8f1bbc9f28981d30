import { openDatabase, type DatabaseHandle } from '../db/connection-any.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { PgEventBridge } from './events/pg-bridge.ts';
import { createDispatcher, type Dispatcher } from './ipc/dispatch.ts';
import { createEventHub, type EventHub } from './ipc/event-hub.ts';
import { createSessionStore, type SessionStore } from './ipc/sessions.ts';
import { createOperations } from './services/backup-host.ts';
import { systemClock, type Clock } from './services/clock.ts';
import { createServices, type Services } from './services/index.ts';
import { createHorizonKeeper } from './services/horizon-keeper.ts';
import { consoleLogger, type Logger } from './services/logger.ts';

/** Everything main runs, without Electron: used by the desktop app, the web shell, the CLI and tests. */
export interface AppCore {
  database: DatabaseHandle;
  services: Services;
  sessions: SessionStore;
  hub: EventHub;
  dispatcher: Dispatcher;
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
  const { clock = systemClock, logger = consoleLogger } = options;
  const database = await openFrom(options);
  await migrateToLatest(database.db);
  const dbFile = database.kind === 'sqlite' ? (options.dbFile ?? null) : null;
  const operations = createOperations({ dbFile, clock, logger });
  const services = createServices({ db: database.db, clock, logger }, operations.host);
  const sessions = createSessionStore(clock);
  const hub = createEventHub();
  const dispatcher = createDispatcher({ services, sessions, hub });
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
  // A restore swaps the file: reopen it, rebuild the services and dispatcher on it, and start
  // a new session store (everyone signs in again; the transports read core.* on every call).
  operations.attach(core, async () => {
    const reopened = await openFrom({ dbFile: dbFile ?? undefined });
    await migrateToLatest(reopened.db);
    core.database = reopened;
    core.services = createServices({ db: reopened.db, clock, logger }, operations.host);
    core.sessions = createSessionStore(clock);
    core.dispatcher = createDispatcher({ services: core.services, sessions: core.sessions, hub });
    return reopened.db;
  });
  operations.start();
  // Days may have passed since the app last ran: bring the slots up to today's horizon first.
  await horizon.check();
  if (database.pool) {
    // Clinic server mode: events reach the windows of every PC on the same database.
    const { bridgeEventsOverPostgres } = await import('./events/pg-bridge.ts');
    bridge = bridgeEventsOverPostgres({ pool: database.pool, hub, sessions: () => core.sessions, logger });
    await bridge.ready;
  }
  return core;
}
