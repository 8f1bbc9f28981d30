import type { DatabaseChoice, ServerDetails, ServerProbe, ServerSummary } from '#contract/connection.ts';
import { AppError } from '../services/core/errors.ts';
import type { Logger } from '../services/core/logger.ts';
import { serverUrl, summaryOf, summaryOfUrl } from './server-url.ts';
import type { ConnectionStore } from './store.ts';

// The first-run choice of where the data lives, as main answers it. These channels make main
// connect to a host the caller names, so they answer only while the current database still
// needs first-run setup and the environment does not fix the server.

export interface ConnectionOptions {
  /** CLINIC_DATABASE_URL set the server: nothing may be chosen on screen. */
  fixedByEnvironment?: boolean;
  /** Where the choice is kept; without one it lasts for the run. */
  store?: ConnectionStore;
  /** The SQLite file "This computer only" uses (to go back from a server during first run). */
  localFile?: string;
  /** Replaced in tests. */
  probe?: (details: ServerDetails) => Promise<ServerProbe>;
}

/** The part of the app core the choice works on. */
export interface SwitchableCore {
  database: { kind: 'sqlite' | 'postgres' };
  services: { setup: { needsSetup(): Promise<boolean> }; settings: { find(): Promise<{ clinicName: string } | null> } };
  /** The server's URL while in server mode (for the summary), else null. */
  serverUrl: string | null;
  switchDatabase(target: { url: string } | { file: string }, commit?: () => void | Promise<void>): Promise<void>;
}

export interface ConnectionControl {
  status(): Promise<DatabaseChoice>;
  test(details: ServerDetails): Promise<ServerProbe>;
  use(details: ServerDetails): Promise<{ needsSetup: boolean; clinicName: string | null; passwordKept: boolean }>;
  useLocal(): Promise<{ needsSetup: boolean; clinicName: string | null }>;
}

const FIXED_MESSAGE =
  'The clinic server is set by CLINIC_DATABASE_URL on this computer, so it cannot be changed on this screen.';
const SET_UP_MESSAGE =
  'This clinic is already set up, so where its data lives cannot be changed here. Moving a clinic to a server is done with the move-to-server command.';

// The pg driver loads only when a server is tested, so the built-in mode starts as before.
const probeLazily = async (details: ServerDetails): Promise<ServerProbe> =>
  (await import('./probe.ts')).probeServer(details);

export function createConnectionControl(
  core: () => SwitchableCore,
  { fixedByEnvironment = false, store, localFile, probe = probeLazily }: ConnectionOptions,
  logger: Logger,
): ConnectionControl {
  let switching = false;
  let current: ServerSummary | null = null;

  async function allowed(): Promise<void> {
    if (fixedByEnvironment) throw new AppError('FORBIDDEN', FIXED_MESSAGE);
    if (!(await core().services.setup.needsSetup())) throw new AppError('CONFLICT', SET_UP_MESSAGE);
  }

  function serverShown(): ServerSummary | null {
    const { database, serverUrl: url } = core();
    if (database.kind === 'postgres') return current ?? (url ? summaryOfUrl(url) : null);
    return store?.load()?.server ?? null;
  }

  async function afterSwitch(): Promise<{ needsSetup: boolean; clinicName: string | null }> {
    const services = core().services;
    const needsSetup = await services.setup.needsSetup();
    const settings = await services.settings.find();
    return { needsSetup, clinicName: needsSetup ? null : (settings?.clinicName ?? null) };
  }

  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (switching) throw new AppError('CONFLICT', 'The app is already changing where its data lives. Wait a moment.');
    switching = true;
    try {
      return await work();
    } finally {
      switching = false;
    }
  }

  return {
    async status() {
      const needsSetup = await core().services.setup.needsSetup();
      return {
        mode: core().database.kind === 'postgres' ? 'server' : 'local',
        fixedByEnvironment,
        canChoose: needsSetup && !fixedByEnvironment,
        server: serverShown(),
      };
    },
    async test(details) {
      await allowed();
      return probe(details);
    },
    async use(details) {
      await allowed();
      return exclusive(async () => {
        // Tested first: a wrong field is said beside it, and foreign tables are refused.
        await probe(details);
        let passwordKept = false;
        try {
          await core().switchDatabase({ url: serverUrl(details) }, () => {
            passwordKept = store ? store.save(details).passwordKept : false;
          });
        } catch (error) {
          if (error instanceof AppError) throw error;
          logger.error('Moving onto the clinic server failed', {
            error: error instanceof Error ? error.message : String(error),
          });
          throw new AppError(
            'CONFLICT',
            'Clinic desk could not prepare its tables on this server, so nothing changed and this computer keeps its data here. The database user must own the database (it creates tables and the btree_gist and pg_trgm extensions).',
          );
        }
        current = summaryOf(details);
        logger.info('Now using the clinic server', { server: `${details.host}:${details.port}/${details.database}` });
        return { ...(await afterSwitch()), passwordKept };
      });
    },
    async useLocal() {
      await allowed();
      if (core().database.kind === 'sqlite') return afterSwitch();
      if (!localFile) {
        throw new AppError('CONFLICT', 'This copy of Clinic desk has no data file on this computer to go back to.');
      }
      return exclusive(async () => {
        await core().switchDatabase({ file: localFile }, () => store?.clear());
        current = null;
        logger.info('Now keeping the data on this computer');
        return afterSwitch();
      });
    },
  };
}
