import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { addDays, clinicNow } from '#shared/dates.ts';
import type { Clock } from './clock.ts';

export interface ClinicCalendar {
  timeZone: string;
  horizonWeeks: number;
  defaultSlotMinutes: number;
  /** The clinic's local date and time now. */
  now: { date: string; time: string };
  /** Last date slots are generated for. */
  horizonEnd: string;
}

/** Today, now and the generation horizon in the clinic's time zone (UTC before setup). */
export async function clinicCalendar(db: Kysely<Database>, clock: Clock): Promise<ClinicCalendar> {
  const row = await db
    .selectFrom('settings')
    .select(['time_zone', 'schedule_horizon_weeks', 'default_slot_minutes'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const timeZone = row?.time_zone ?? 'UTC';
  const horizonWeeks = row?.schedule_horizon_weeks ?? 12;
  const now = clinicNow(timeZone, clock.now());
  return {
    timeZone,
    horizonWeeks,
    defaultSlotMinutes: row?.default_slot_minutes ?? 15,
    now,
    horizonEnd: addDays(now.date, horizonWeeks * 7 - 1),
  };
}
