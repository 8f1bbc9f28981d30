import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import type { FullCheck } from '#contract/operations.ts';
import { addDays, clinicNow, localToUtcIso } from '#shared/dates.ts';
import type { CopyFacts } from './backup-check.ts';
import type { Clock } from '../core/clock.ts';

// The weekly full check of the live SQLite file (see CheckLevel in backup-check.ts). It runs
// at the daily backup's time (the hour the clinic chose as quiet), once every seven days. The
// claim is a row written in a write transaction, so among the processes on one file (the
// desk app, the command line) only one runs it; the row keeps the result for the admin.

export const FULL_CHECK_EVERY_DAYS = 7;

/** Whether the weekly full check is due now on the clinic's clock. */
async function fullCheckDue(db: Kysely<Database>, clock: Clock): Promise<boolean> {
  const backup = await db.selectFrom('backup_settings').select('daily_time').where('id', '=', 1).executeTakeFirst();
  const clinic = await db.selectFrom('settings').select('time_zone').where('id', '=', 1).executeTakeFirst();
  if (!backup || !clinic) return false;
  const now = clock.now();
  const today = clinicNow(clinic.time_zone, now).date;
  if (now.toISOString() < localToUtcIso(today, backup.daily_time, clinic.time_zone)) return false;
  const last = await db.selectFrom('full_checks').select('started_at').orderBy('check_id', 'desc').executeTakeFirst();
  if (!last) return true;
  // By the clinic's dates, so the check stays on the same weekday instead of drifting later.
  const lastDate = clinicNow(clinic.time_zone, new Date(last.started_at)).date;
  return lastDate <= addDays(today, -FULL_CHECK_EVERY_DAYS);
}

/** Claims the check if it is due (one process wins); the claim's id, or null. */
export async function claimFullCheck(db: Kysely<Database>, clock: Clock): Promise<number | null> {
  return writeTx(db, async (trx) => {
    if (!(await fullCheckDue(trx, clock))) return null;
    const { check_id } = await trx
      .insertInto('full_checks')
      .values({ started_at: clock.now().toISOString(), finished_at: null, result: null, ok: null, host: hostname() })
      .returning('check_id')
      .executeTakeFirstOrThrow();
    return check_id;
  });
}

/** What the check found, in the words the admin screen shows ("ok" or the first problems). */
export function fullCheckResult(facts: CopyFacts): { ok: boolean; result: string } {
  switch (facts.kind) {
    case 'read':
      return { ok: true, result: facts.integrity };
    case 'damaged':
      return { ok: false, result: facts.integrity };
    case 'locked':
      return { ok: false, result: 'The database key in use does not open the file.' };
    case 'missing':
    case 'unreadable':
      return { ok: false, result: 'The live database file could not be read.' };
  }
}

export async function finishFullCheck(
  db: Kysely<Database>,
  clock: Clock,
  checkId: number,
  outcome: { ok: boolean; result: string },
): Promise<void> {
  await writeTx(db, (trx) =>
    trx
      .updateTable('full_checks')
      .set({ finished_at: clock.now().toISOString(), ok: outcome.ok ? 1 : 0, result: outcome.result })
      .where('check_id', '=', checkId)
      .execute(),
  );
}

/** The last finished full check, for the admin's backups screen. */
export async function lastFullCheck(db: Kysely<Database>): Promise<FullCheck | null> {
  const row = await db
    .selectFrom('full_checks')
    .select(['finished_at', 'ok', 'result'])
    .where('finished_at', 'is not', null)
    .orderBy('check_id', 'desc')
    .executeTakeFirst();
  if (!row?.finished_at) return null;
  return { at: row.finished_at, ok: row.ok === 1, result: row.result ?? '' };
}
