import { sql, type Kysely } from 'kysely';
import { LATEST_MIGRATION, MIGRATIONS, migrateToLatest } from '#db/migrate.ts';
import type { Database } from '#db/schema.ts';
import { verifyPassword } from '../services/auth/passwords.ts';
import { compareVersions } from '../services/core/app-version.ts';
import type { Clock } from '../services/core/clock.ts';
import { AppError, isServerUnreachable } from '../services/core/errors.ts';
import type { Logger } from '../services/core/logger.ts';

// Before an app core touches a database, this compares the database with the app. Several PCs
// share a clinic server, and they are updated one by one: a PC whose app is older than the one
// that last migrated the server must not run (its queries no longer match the tables), and a
// newer app must not migrate the shared server behind everyone's back. A SQLite file belongs
// to one PC, so its migrations run as they always did.

/** Which app version last migrated the database (app_meta, migration 0016). */
export interface DatabaseStamp {
  appVersion: string;
  schemaVersion: string;
  host: string;
  at: string;
}

/** An administrator of the clinic agreeing to migrate the shared server from this PC. */
export interface UpgradeConfirmation {
  email: string;
  password: string;
}

export interface VersionGateOptions {
  kind: 'sqlite' | 'postgres';
  appVersion: string;
  /** This PC's name (os.hostname()), written with the stamp. */
  host: string;
  clock: Clock;
  logger: Logger;
  /** An administrator's sign-in, or the CLI's explicit `migrate` run by whoever holds the server's URL. */
  upgrade?: UpgradeConfirmation | { operator: string } | undefined;
}

const dateOf = (iso: string): string => iso.slice(0, 10);

/** The server was migrated by a newer Clinic desk: this PC must be updated; nothing was written. */
export class ServerNewerError extends AppError {
  readonly appVersion: string;
  readonly serverVersion: string | null;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
  readonly unknownMigrations: readonly string[];

  constructor(
    appVersion: string,
    stamp: DatabaseStamp | null,
    unknownMigrations: readonly string[],
    kind: 'sqlite' | 'postgres' = 'postgres',
  ) {
    // A SQLite file met here was copied or restored from a PC with a newer app.
    const data = kind === 'postgres' ? "the clinic's server" : "the clinic's data file";
    super(
      'CONFLICT',
      stamp
        ? `This PC runs Clinic desk ${appVersion}; ${data} was updated to ${stamp.appVersion} by ${stamp.host} on ${dateOf(stamp.at)}. Update this PC.`
        : `This PC runs Clinic desk ${appVersion}; ${data} was updated by a newer version of Clinic desk. Update this PC.`,
    );
    this.name = 'ServerNewerError';
    this.appVersion = appVersion;
    this.serverVersion = stamp?.appVersion ?? null;
    this.updatedBy = stamp?.host ?? null;
    this.updatedAt = stamp?.at ?? null;
    this.unknownMigrations = unknownMigrations;
  }
}

/** This app is newer than the clinic server's tables: an administrator must confirm the update. */
export class UpgradeNeedsConfirmationError extends AppError {
  readonly appVersion: string;
  readonly serverVersion: string | null;
  readonly pendingMigrations: readonly string[];

  constructor(appVersion: string, stamp: DatabaseStamp | null, pending: readonly string[]) {
    super(
      'CONFLICT',
      `This PC runs Clinic desk ${appVersion}, newer than the clinic's server${stamp ? ` (last updated to ${stamp.appVersion} by ${stamp.host} on ${dateOf(stamp.at)})` : ''}. Updating the server changes the data for every PC, and PCs still on the older version must then be updated too. Take a fresh backup of the server first; then an administrator confirms the update on this PC.`,
    );
    this.name = 'UpgradeNeedsConfirmationError';
    this.appVersion = appVersion;
    this.serverVersion = stamp?.appVersion ?? null;
    this.pendingMigrations = pending;
  }
}

/** The migrator itself failed (not the connection): reported as such, with its cause kept. */
export class MigrationFailedError extends Error {
  constructor(cause: unknown) {
    super(
      'Clinic desk could not update the database’s tables, so it did not start. Nothing was lost: the change runs in steps that are each all or nothing. Ask the administrator; the log says which step failed.',
      { cause },
    );
    this.name = 'MigrationFailedError';
  }
}

interface GateState {
  executed: string[];
  stamp: DatabaseStamp | null;
}

async function readState(db: Kysely<Database>): Promise<GateState> {
  const tables = new Set((await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name));
  const executed = tables.has('kysely_migration')
    ? (await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db)).rows.map((r) => r.name)
    : [];
  // A table of that name is the gate's only once migration 0016 made it.
  if (!tables.has('app_meta') || !executed.includes('0016_app_meta')) return { executed, stamp: null };
  const row = await db.selectFrom('app_meta').selectAll().where('id', '=', 1).executeTakeFirst();
  const stamp = row
    ? {
        appVersion: row.app_version,
        schemaVersion: row.schema_version,
        host: row.migrated_by_host,
        at: row.migrated_at,
      }
    : null;
  return { executed, stamp };
}

/** Reads the database's stamp without changing anything (null before migration 0016 or any stamp). */
export async function readDatabaseStamp(db: Kysely<Database>): Promise<DatabaseStamp | null> {
  return (await readState(db)).stamp;
}

async function confirmAdmin(db: Kysely<Database>, { email, password }: UpgradeConfirmation): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select(['password_hash', 'status'])
    .where('email', '=', email.trim().toLowerCase())
    .where('role', '=', 'admin')
    .executeTakeFirst();
  const ok =
    user?.password_hash != null && user.status === 'active' && (await verifyPassword(user.password_hash, password));
  if (!ok) {
    throw new AppError('INVALID_CREDENTIALS', 'That email and password do not match an active administrator.', {
      email: 'Enter the email and password of an active administrator.',
    });
  }
}

/**
 * Brings the database to this app's migrations, or refuses: ServerNewerError when the database
 * is newer than this app (nothing written), UpgradeNeedsConfirmationError when a clinic server
 * with data would be migrated without an administrator's confirmation. Returns the migrations
 * applied; after applying any, stamps the database with this app's version, PC and time.
 */
export async function passVersionGate(db: Kysely<Database>, options: VersionGateOptions): Promise<string[]> {
  const { appVersion, host, clock, logger, kind, upgrade } = options;
  const { executed, stamp } = await readState(db);
  const unknown = executed.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0 || (stamp && compareVersions(stamp.appVersion, appVersion) > 0)) {
    throw new ServerNewerError(appVersion, stamp, unknown, kind);
  }
  const done = new Set(executed);
  const pending = Object.keys(MIGRATIONS).filter((name) => !done.has(name));
  if (pending.length === 0) return [];
  // A new, empty server (first run) has nothing to protect; a server holding a clinic does.
  const confirmNeeded = kind === 'postgres' && executed.length > 0;
  if (confirmNeeded) {
    if (!upgrade) throw new UpgradeNeedsConfirmationError(appVersion, stamp, pending);
    if ('email' in upgrade) await confirmAdmin(db, upgrade);
  }
  let applied: string[];
  try {
    applied = await migrateToLatest(db);
  } catch (error) {
    if (isServerUnreachable(error)) throw error;
    throw new MigrationFailedError(error);
  }
  // Another PC migrated in between: its stamp stands.
  if (applied.length === 0) return [];
  const row = {
    app_version: appVersion,
    schema_version: LATEST_MIGRATION,
    migrated_by_host: host,
    migrated_at: clock.now().toISOString(),
    confirmed_by:
      !confirmNeeded || !upgrade ? null : 'email' in upgrade ? upgrade.email.trim().toLowerCase() : upgrade.operator,
  };
  await db
    .insertInto('app_meta')
    .values({ id: 1, ...row })
    .onConflict((c) => c.column('id').doUpdateSet(row))
    .execute();
  logger.info('Database migrated', { applied, appVersion, host, confirmedBy: row.confirmed_by });
  return applied;
}
