import { sql, type Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';

type DayOrNull = string | null;

export interface VisitActivity {
  /** The latest day the patient came (checked in or further), up to today. */
  lastVisit: string | null;
  /** 'YYYY-MM-DD HH:MM' of the next appointment still to come, today or later. */
  nextAt: string | null;
  /** The latest appointment day of any kind but cancelled, past or booked: for ranking. */
  lastActivity: string | null;
}

/**
 * Last visit, next appointment and latest activity of a page of patients, in one grouped
 * read over the (patient_id, appointment_date) index.
 */
export async function visitActivity(
  db: Kysely<Database>,
  patientIds: readonly number[],
  today: string,
): Promise<Map<number, VisitActivity>> {
  const came = sql`status in ('checked_in', 'in_consultation', 'completed') and appointment_date <= ${today}`;
  const toCome = sql`status = 'scheduled' and appointment_date >= ${today}`;
  const rows = await db
    .selectFrom('appointments')
    .select([
      'patient_id',
      sql<DayOrNull>`max(case when ${came} then appointment_date end)`.as('last_visit'),
      sql<DayOrNull>`min(case when ${toCome} then appointment_date || ' ' || appointment_time end)`.as('next_at'),
      sql<DayOrNull>`max(case when status <> 'cancelled' then appointment_date end)`.as('last_activity'),
    ])
    .where('patient_id', 'in', patientIds)
    .groupBy('patient_id')
    .execute();
  return new Map(
    rows.map((r) => [r.patient_id, { lastVisit: r.last_visit, nextAt: r.next_at, lastActivity: r.last_activity }]),
  );
}
