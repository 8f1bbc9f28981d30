import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import * as m0001 from './migrations/0001_seed_schema.ts';
import * as m0002 from './migrations/0002_settings_and_audit.ts';
import * as m0003 from './migrations/0003_sign_in.ts';
import * as m0004 from './migrations/0004_schedules.ts';
import * as m0005 from './migrations/0005_front_desk.ts';
import * as m0006 from './migrations/0006_waitlist.ts';
import * as m0007 from './migrations/0007_payments_ledger.ts';
import * as m0008 from './migrations/0008_messaging.ts';
import * as m0009 from './migrations/0009_operations.ts';
import * as m0010 from './migrations/0010_performance.ts';
import * as m0012 from './migrations/0012_search_words.ts';
import * as m0013 from './migrations/0013_backup_kind_cli.ts';
import * as m0014 from './migrations/0014_session_epoch.ts';
import * as m0015 from './migrations/0015_canonical_time_zone.ts';
import * as m0016 from './migrations/0016_app_meta.ts';
import * as m0017 from './migrations/0017_board_settings.ts';
import * as m0018 from './migrations/0018_full_checks.ts';
import * as m0019 from './migrations/0019_appointment_types.ts';
import * as m0020 from './migrations/0020_confirmation_calls.ts';
import * as m0021 from './migrations/0021_appointment_series.ts';
import * as m0022 from './migrations/0022_patient_demographics.ts';
import * as m0023 from './migrations/0023_patient_merge.ts';
import * as m0024 from './migrations/0024_import_mappings.ts';

/** Every migration, in order. Landed entries are frozen; add new ones at the end. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_seed_schema': m0001,
  '0002_settings_and_audit': m0002,
  '0003_sign_in': m0003,
  '0004_schedules': m0004,
  '0005_front_desk': m0005,
  '0006_waitlist': m0006,
  '0007_payments_ledger': m0007,
  '0008_messaging': m0008,
  '0009_operations': m0009,
  '0010_performance': m0010,
  '0012_search_words': m0012,
  '0013_backup_kind_cli': m0013,
  '0014_session_epoch': m0014,
  '0015_canonical_time_zone': m0015,
  '0016_app_meta': m0016,
  '0017_board_settings': m0017,
  '0018_full_checks': m0018,
  '0019_appointment_types': m0019,
  '0020_confirmation_calls': m0020,
  '0021_appointment_series': m0021,
  '0022_patient_demographics': m0022,
  '0023_patient_merge': m0023,
  '0024_import_mappings': m0024,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1) ?? '';

class ListedMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...MIGRATIONS };
  }
}

export function createMigrator<D>(db: Kysely<D>): Migrator {
  return new Migrator({ db, provider: new ListedMigrations() });
}

function assertSucceeded(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
}

export async function migrateToLatest<D>(db: Kysely<D>): Promise<string[]> {
  const result = await createMigrator(db).migrateToLatest();
  assertSucceeded(result);
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Used by migration tests to bring a database to an earlier version before adding data. */
export async function migrateTo<D>(db: Kysely<D>, name: string): Promise<void> {
  assertSucceeded(await createMigrator(db).migrateTo(name));
}
