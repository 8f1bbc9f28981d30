import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';

// Frozen once landed. Speed without weaker rules: the slot-overlap triggers of 0004 scanned
// every earlier slot of the doctor's day on each insert, and ran on every update (is_booked
// flips included); generating a year of slots for 50 doctors spent most of its time there.

/**
 * The same rule ("one doctor's slots never overlap"), checked with one index probe: the
 * stored slots of a doctor's day never overlap, so sorted by start their ends rise too, and
 * the only one that can overlap the new slot is the one starting last before it ends.
 */
const overlapWhen = `(SELECT other.end_time FROM doctor_availability other
     WHERE other.doctor_id = NEW.doctor_id AND other.available_date = NEW.available_date
       AND other.start_time < NEW.end_time AND other.availability_id IS NOT NEW.availability_id
     ORDER BY other.start_time DESC LIMIT 1) > NEW.start_time`;

const oldWhen = `EXISTS (SELECT 1 FROM doctor_availability other
     WHERE other.doctor_id = NEW.doctor_id AND other.available_date = NEW.available_date
       AND other.availability_id IS NOT NEW.availability_id
       AND other.start_time < NEW.end_time AND NEW.start_time < other.end_time)`;

const RAISE = `BEGIN SELECT RAISE(ABORT, 'doctor_availability slots overlap'); END`;

async function createTriggers(db: Kysely<unknown>, when: string, updateOf: string): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS availability_no_overlap_insert`.execute(db);
  await sql`DROP TRIGGER IF EXISTS availability_no_overlap_update`.execute(db);
  await sql
    .raw(`CREATE TRIGGER availability_no_overlap_insert BEFORE INSERT ON doctor_availability WHEN ${when} ${RAISE}`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER availability_no_overlap_update BEFORE UPDATE${updateOf} ON doctor_availability WHEN ${when} ${RAISE}`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL keeps its exclusion constraint, which is already an index probe.
  if (!isSqlite(db)) return;
  // The update trigger now runs only when a slot's doctor, day or times change.
  await createTriggers(db, overlapWhen, ' OF doctor_id, available_date, start_time, end_time');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isSqlite(db)) return;
  await createTriggers(db, oldWhen, '');
}
