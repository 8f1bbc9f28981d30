import { openSqlite, type SqliteHandle } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDispatcher, type Dispatcher } from './ipc/dispatch.ts';
import { createEventHub, type EventHub } from './ipc/event-hub.ts';
import { createSessionStore, type SessionStore } from './ipc/sessions.ts';
import { systemClock, type Clock } from './services/clock.ts';
import { createServices, type Services } from './services/index.ts';
import { consoleLogger, type Logger } from './services/logger.ts';

/** Everything main runs, without Electron: used by the desktop app, the web shell, the CLI and tests. */
export interface AppCore {
  database: SqliteHandle;
  services: Services;
  sessions: SessionStore;
  hub: EventHub;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface AppCoreOptions {
  dbFile: string;
  clock?: Clock;
  logger?: Logger;
}

export async function startAppCore({
  dbFile,
  clock = systemClock,
  logger = consoleLogger,
}: AppCoreOptions): Promise<AppCore> {
  const database = openSqlite(dbFile);
  await migrateToLatest(database.db);
  const services = createServices({ db: database.db, clock, logger });
  const sessions = createSessionStore(clock);
  const hub = createEventHub();
  const dispatcher = createDispatcher({ services, sessions, hub });
  return { database, services, sessions, hub, dispatcher, close: () => database.close() };
}
