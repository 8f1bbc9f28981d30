import type { Kysely } from 'kysely';
import { BOARD_PAGE_MAX, type Board } from '#contract/front-desk.ts';
import type { Database } from '#db/schema.ts';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '#shared/statuses.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Clock } from '../core/clock.ts';
import { appointmentsQuery, toAppointment } from './appointment-read.ts';

// The flow board's read: one page of a day in time order, so a clinic with 13,000
// appointments a day sends a screenful at a time, with the whole day's counts beside it.

export interface BoardQuery {
  date?: string | undefined;
  doctorId?: number | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const REASONED: readonly AppointmentStatus[] = ['cancelled', 'no_show'];

/** The page's appointment ids in board order: a lean sort of the day, before any subquery runs. */
async function pageIds(db: Kysely<Database>, day: string, query: BoardQuery, firstDoctorId: number | null) {
  let ids = db
    .selectFrom('appointments as a')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .select('a.appointment_id')
    .where('a.appointment_date', '=', day);
  if (query.doctorId !== undefined) ids = ids.where('a.doctor_id', '=', query.doctorId);
  // A doctor's own appointments first, then time, the doctor's name and the booking.
  if (firstDoctorId !== null) {
    ids = ids.orderBy((eb) => eb.case().when('a.doctor_id', '=', firstDoctorId).then(0).else(1).end());
  }
  const rows = await ids
    .orderBy('a.appointment_time')
    .orderBy('d.name')
    .orderBy('a.appointment_id')
    .limit(query.limit ?? BOARD_PAGE_MAX)
    .offset(query.offset ?? 0)
    .execute();
  return rows.map((r) => r.appointment_id);
}

/** The page's rows with names, check-in time and reason, in the order of `ids`. */
async function pageRows(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await appointmentsQuery(db)
    .select((eb) =>
      eb
        .selectFrom('appointment_status_history as r')
        .select('r.reason')
        .whereRef('r.appointment_id', '=', 'a.appointment_id')
        .where('r.to_status', 'in', REASONED)
        .orderBy('r.history_id', 'desc')
        .limit(1)
        .as('status_reason'),
    )
    .select((eb) =>
      eb
        .selectFrom('appointment_call_marks as c')
        .select('c.outcome')
        .whereRef('c.appointment_id', '=', 'a.appointment_id')
        .orderBy('c.mark_id', 'desc')
        .limit(1)
        .as('call_mark'),
    )
    .where('a.appointment_id', 'in', ids)
    .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((x, y) => (position.get(x.appointment_id) ?? 0) - (position.get(y.appointment_id) ?? 0));
}

async function statusCounts(db: Kysely<Database>, day: string, doctorId: number | undefined) {
  let q = db
    .selectFrom('appointments')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .where('appointment_date', '=', day);
  if (doctorId !== undefined) q = q.where('doctor_id', '=', doctorId);
  const rows = await q.groupBy('status').execute();
  const counts = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as Record<AppointmentStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

async function doctorsOfDay(db: Kysely<Database>, day: string) {
  // Counted from the index first, then named: 200 name lookups, not 13,000.
  const perDoctor = db
    .selectFrom('appointments')
    .select((eb) => ['doctor_id', eb.fn.countAll().as('n')])
    .where('appointment_date', '=', day)
    .groupBy('doctor_id')
    .as('c');
  const rows = await db
    .selectFrom(perDoctor)
    .innerJoin('users as d', 'd.user_id', 'c.doctor_id')
    .select(['c.doctor_id', 'd.name', 'c.n'])
    .orderBy('d.name')
    .execute();
  return rows.map((r) => ({ doctorId: r.doctor_id, name: r.name, count: Number(r.n) }));
}

/**
 * One page of the day's board. `firstDoctorId` (a doctor reading it) puts that doctor's own
 * appointments first; the counts cover the whole day for the same doctor filter.
 */
export async function readBoard(
  db: Kysely<Database>,
  clock: Clock,
  query: BoardQuery,
  firstDoctorId: number | null,
): Promise<Board> {
  const calendar = await clinicCalendar(db, clock);
  const day = query.date ?? calendar.now.date;
  const [rows, counts, doctors, settings] = await Promise.all([
    pageIds(db, day, query, firstDoctorId).then((ids) => pageRows(db, ids)),
    statusCounts(db, day, query.doctorId),
    doctorsOfDay(db, day),
    db.selectFrom('settings').select('likely_no_show_minutes').where('id', '=', 1).executeTakeFirst(),
  ]);
  return {
    date: day,
    now: calendar.now,
    appointments: rows.map((r) => ({
      ...toAppointment(r),
      statusReason: REASONED.includes(r.status) ? (r.status_reason ?? null) : null,
      callMark: r.call_mark ?? null,
    })),
    offset: query.offset ?? 0,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
    statusCounts: counts,
    doctors,
    likelyNoShowMinutes: settings?.likely_no_show_minutes ?? 20,
  };
}
