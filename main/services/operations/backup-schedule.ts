import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { clinicNow, localToUtcIso } from '#shared/dates.ts';
import type { Clock } from '../core/clock.ts';

/**
 * True when today's automatic backup is due: enabled, a folder chosen, the daily time (on the
 * clinic's wall clock) has passed and no automatic backup was made since then. A failed one
 * counts as made, so a missing drive is not retried every minute (the home screen warns).
 */
export async function dailyBackupDue(db: Kysely<Database>, clock: Clock): Promise<boolean> {
  const settings = await db.selectFrom('backup_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!settings || settings.enabled !== 1 || !settings.folder) return false;
  const clinic = await db.selectFrom('settings').select('time_zone').where('id', '=', 1).executeTakeFirst();
  if (!clinic) return false;
  const now = clock.now();
  const today = clinicNow(clinic.time_zone, now).date;
  const dueAt = localToUtcIso(today, settings.daily_time, clinic.time_zone);
  if (now.toISOString() < dueAt) return false;
  const made = await db
    .selectFrom('backups')
    .select('backup_id')
    .where('kind', '=', 'auto')
    .where('created_at', '>=', dueAt)
    .executeTakeFirst();
  return !made;
}
