import type { Kysely } from 'kysely';
import { hotQuery } from '#db/hot-query.ts';
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

/**
 * The settings the desk's services work with (time and money), read by primary key on nearly
 * every call: compiled once. A transaction that needs both reads it once and derives each.
 */
const deskSettingsRow = hotQuery((db, id: 1) =>
  db
    .selectFrom('settings')
    .select([
      'time_zone',
      'schedule_horizon_weeks',
      'default_slot_minutes',
      'currency',
      'clinic_name',
      'clinic_address',
      'refund_approval_threshold_minor',
    ])
    .where('id', '=', id),
);

/** The settings row as `deskSettings` reads it; undefined before setup. */
export type DeskSettings = Awaited<ReturnType<typeof deskSettingsRow>>[number] | undefined;

export async function deskSettings(db: Kysely<Database>): Promise<DeskSettings> {
  const [row] = await deskSettingsRow(db, 1);
  return row;
}

/** Today, now and the generation horizon in the clinic's time zone (UTC before setup). */
export function calendarOf(row: DeskSettings, clock: Clock): ClinicCalendar {
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

export async function clinicCalendar(db: Kysely<Database>, clock: Clock): Promise<ClinicCalendar> {
  return calendarOf(await deskSettings(db), clock);
}
