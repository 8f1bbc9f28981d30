import { join } from 'node:path';
import { startAppCore, type AppCore, type AppCoreOptions } from '../app-core.ts';
import { DATABASE_FILE_NAME } from '../paths.ts';
import { consoleLogger, type Logger } from '../services/core/logger.ts';
import { serverUrl, summaryOfUrl } from './server-url.ts';
import { describeCause, toStartupError } from './start-failure.ts';
import { UpgradeNeedsConfirmationError, type UpgradeConfirmation } from './version-gate.ts';
import type { ConnectionStore } from './store.ts';

// The desktop app's start: CLINIC_DATABASE_URL if set (the choice is then fixed), else the
// server kept in connection.json when its password could be kept, else the SQLite file in the
// user-data folder. A server that cannot be reached at start asks to retry or quit; a server
// updated by a newer Clinic desk stops the start with a sentence saying so (version-gate.ts).

export interface StartFromChoiceOptions {
  userData: string;
  store: ConnectionStore;
  env?: NodeJS.ProcessEnv;
  /** Shown when the clinic server cannot be reached: true to try again, false to quit. */
  onServerUnreachable(where: string): Promise<boolean>;
  /**
   * Shown when this app is newer than the clinic server's data (see version-gate.ts): an
   * administrator's email and password to update the server, or null to quit. `problem` says
   * why the last answer was refused. Without it, the start fails with kind 'needs-confirmation'.
   */
  onUpgradeNeedsConfirmation?(
    hold: UpgradeNeedsConfirmationError,
    problem: string | null,
  ): Promise<UpgradeConfirmation | null>;
  core?: Pick<
    AppCoreOptions,
    'clock' | 'logger' | 'appVersion' | 'hostName' | 'logDir' | 'crashDumpsDir' | 'updates' | 'printing'
  >;
}

/**
 * The started core, or null when the user chose to quit. A failure is thrown as a
 * StartupError whose kind says what went wrong; its real cause is logged and kept as `cause`.
 */
export async function startFromChoice({
  userData,
  store,
  env = process.env,
  onServerUnreachable,
  onUpgradeNeedsConfirmation,
  core = {},
}: StartFromChoiceOptions): Promise<AppCore | null> {
  const logger = core.logger ?? consoleLogger;
  const fixedUrl = env.CLINIC_DATABASE_URL;
  const localFile = join(userData, DATABASE_FILE_NAME);
  const connection = { store, fixedByEnvironment: Boolean(fixedUrl), localFile };
  const saved = fixedUrl ? null : store.load();
  let target: Pick<AppCoreOptions, 'dbFile' | 'databaseUrl'>;
  let where: string | null = null;
  if (fixedUrl) {
    const summary = summaryOfUrl(fixedUrl);
    target = { databaseUrl: fixedUrl };
    where = summary ? `${summary.host}:${summary.port}/${summary.database}` : 'CLINIC_DATABASE_URL';
  } else if (saved?.password != null) {
    target = { databaseUrl: serverUrl({ ...saved.server, password: saved.password }) };
    where = `${saved.server.host}:${saved.server.port}/${saved.server.database}`;
  } else {
    target = { dbFile: localFile };
  }
  return startConfirmingUpgrades(
    (upgrade) => startAppCore({ ...core, ...target, connection, ...(upgrade ? { upgrade } : {}) }),
    {
      where,
      logger,
      onServerUnreachable,
      ...(onUpgradeNeedsConfirmation ? { onUpgradeNeedsConfirmation } : {}),
    },
  );
}

export interface ConfirmingStartOptions extends Pick<StartFromChoiceOptions, 'onUpgradeNeedsConfirmation'> {
  /** Where the clinic server is, for the sentences (null: this computer's file). */
  where: string | null;
  logger: Logger;
  /** Without it, an unreachable server fails the start. */
  onServerUnreachable?(where: string): Promise<boolean>;
}

/**
 * Runs `start` until it starts: a server that cannot be reached is retried while the user says
 * so, and a version gate that holds the start asks for an administrator's confirmation (again
 * after a wrong password). Shared by the desktop app and the web shell. Null: the user quit.
 */
export async function startConfirmingUpgrades(
  start: (upgrade: UpgradeConfirmation | undefined) => Promise<AppCore>,
  { where, logger, onServerUnreachable, onUpgradeNeedsConfirmation }: ConfirmingStartOptions,
): Promise<AppCore | null> {
  let upgrade: UpgradeConfirmation | undefined;
  let hold: UpgradeNeedsConfirmationError | null = null;
  for (;;) {
    try {
      return await start(upgrade);
    } catch (error) {
      const failure = toStartupError(error, where);
      const asking = failure.kind === 'needs-confirmation' || failure.kind === 'invalid-confirmation';
      logger[asking ? 'warn' : 'error']('Clinic desk could not start', {
        kind: failure.kind,
        where,
        cause: describeCause(error),
      });
      if (failure.kind === 'unreachable' && where !== null && onServerUnreachable) {
        if (!(await onServerUnreachable(where))) return null;
        continue;
      }
      if (error instanceof UpgradeNeedsConfirmationError) hold = error;
      // A wrong administrator password is asked again; any other failure ends the start.
      if (!asking || !hold || !onUpgradeNeedsConfirmation) throw failure;
      const answer = await onUpgradeNeedsConfirmation(
        hold,
        failure.kind === 'invalid-confirmation' ? failure.message : null,
      );
      if (!answer) return null;
      upgrade = answer;
    }
  }
}
