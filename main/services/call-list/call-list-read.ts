import type { Kysely } from 'kysely';
import type { CallListEntry, CallMark } from '#contract/call-list.ts';
import type { Database } from '#db/schema.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import { patientNumber } from '../patients/index.ts';

// Reading the call list: a day's appointments with the patient's phone and each one's latest
// call mark (the mark with the highest id), who made it and how many calls were marked.

export interface CallListFilter {
  date?: string;
  doctorId?: number | null;
  appointmentId?: number;
}

function entriesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .innerJoin('users as p', 'p.user_id', 'a.patient_id')
    .leftJoin('appointment_call_marks as m', (join) =>
      join.on((eb) =>
        eb(
          'm.mark_id',
          '=',
          eb
            .selectFrom('appointment_call_marks as latest')
            .select((e) => e.fn.max('latest.mark_id').as('mark_id'))
            .whereRef('latest.appointment_id', '=', 'a.appointment_id'),
        ),
      ),
    )
    .leftJoin('users as by', 'by.user_id', 'm.marked_by')
    .select((eb) => [
      'a.appointment_id',
      'a.appointment_date',
      'a.appointment_time',
      'a.doctor_id',
      'a.patient_id',
      'a.status',
      'd.name as doctor_name',
      'p.name as patient_name',
      'p.phone',
      'm.outcome',
      'm.note',
      'm.marked_at',
      'by.name as marked_by_name',
      eb
        .selectFrom('appointment_call_marks as c')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('c.appointment_id', '=', 'a.appointment_id')
        .as('calls'),
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entriesQuery>['execute']>>[number];

function toEntry(r: EntryRow): CallListEntry {
  return {
    appointmentId: r.appointment_id,
    date: r.appointment_date,
    time: r.appointment_time,
    doctorId: r.doctor_id,
    doctorName: r.doctor_name,
    patientId: r.patient_id,
    patientName: r.patient_name,
    patientNumber: patientNumber(r.patient_id),
    phone: r.phone,
    status: r.status,
    mark:
      r.outcome === null || r.marked_at === null
        ? null
        : { outcome: r.outcome, note: r.note, markedBy: r.marked_by_name ?? '', markedAt: r.marked_at },
    calls: Number(r.calls ?? 0),
  };
}

/**
 * The entries of a day (or one appointment), in time order. An appointment cancelled or missed
 * before anyone called is not on the list: there is nobody to ring about it.
 */
export async function readEntries(db: Kysely<Database>, filter: CallListFilter): Promise<CallListEntry[]> {
  let q = entriesQuery(db);
  if (filter.appointmentId !== undefined) q = q.where('a.appointment_id', '=', filter.appointmentId);
  if (filter.date !== undefined) {
    q = q
      .where('a.appointment_date', '=', filter.date)
      .where((eb) => eb.or([eb('a.status', 'not in', INACTIVE_STATUSES), eb('m.mark_id', 'is not', null)]));
  }
  if (filter.doctorId !== undefined && filter.doctorId !== null) q = q.where('a.doctor_id', '=', filter.doctorId);
  const rows = await q.orderBy('a.appointment_time').orderBy('d.name').orderBy('a.appointment_id').execute();
  return rows.map(toEntry);
}

/** Every mark of one appointment, newest first. */
export async function readMarks(db: Kysely<Database>, appointmentId: number): Promise<CallMark[]> {
  const rows = await db
    .selectFrom('appointment_call_marks as m')
    .innerJoin('users as u', 'u.user_id', 'm.marked_by')
    .select(['m.outcome', 'm.note', 'm.marked_at', 'u.name'])
    .where('m.appointment_id', '=', appointmentId)
    .orderBy('m.mark_id', 'desc')
    .execute();
  return rows.map((r) => ({ outcome: r.outcome, note: r.note, markedBy: r.name, markedAt: r.marked_at }));
}
