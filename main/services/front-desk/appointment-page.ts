import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { dialectOf } from '#db/dialect.ts';
import { hotQuery } from '#db/hot-query.ts';
import type { Database } from '#db/schema.ts';
import {
  appointmentsQuery,
  listAppointments,
  listReschedules,
  toAppointment,
  toReschedule,
} from './appointment-read.ts';
import { readHistory, toHistoryStep } from './appointment-steps.ts';
import { notFound } from '../core/errors.ts';

// One appointment with its steps and its moves (the appointment's page, `appointments.get`).
// SQLite: three small prepared reads. PostgreSQL: one statement, the steps and moves as JSON
// arrays beside the appointment, so a lookup is one round trip to the server, not three.

const pageOnServer = hotQuery((db, appointmentId: number) =>
  appointmentsQuery(db)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('appointment_status_history as h')
          .leftJoin('users as hu', 'hu.user_id', 'h.changed_by')
          .select(['h.from_status', 'h.to_status', 'h.reason', 'h.changed_at', 'h.undoes_history_id', 'hu.name'])
          .whereRef('h.appointment_id', '=', 'a.appointment_id')
          .orderBy('h.history_id'),
      ).as('history'),
      jsonArrayFrom(
        eb
          .selectFrom('appointment_reschedules as r')
          .leftJoin('users as ru', 'ru.user_id', 'r.rescheduled_by')
          .select([
            'r.appointment_id',
            'r.old_date',
            'r.old_time',
            'r.new_date',
            'r.new_time',
            'r.reason',
            'r.rescheduled_at',
            'ru.name',
          ])
          .whereRef('r.appointment_id', '=', 'a.appointment_id')
          .orderBy('r.reschedule_id'),
      ).as('reschedules'),
    ])
    .where('a.appointment_id', '=', appointmentId),
);

const withoutAppointmentId = ({ appointmentId: _id, ...move }: ReturnType<typeof toReschedule>) => move;

export async function readAppointmentPage(db: Kysely<Database>, appointmentId: number) {
  if (dialectOf(db) === 'postgres') {
    const [row] = await pageOnServer(db, appointmentId);
    if (!row) throw notFound('appointment');
    return {
      ...toAppointment(row),
      history: row.history.map(toHistoryStep),
      reschedules: row.reschedules.map(toReschedule).map(withoutAppointmentId),
    };
  }
  const [appointment] = await listAppointments(db, { appointmentId });
  if (!appointment) throw notFound('appointment');
  return {
    ...appointment,
    history: await readHistory(db, appointmentId),
    reschedules: (await listReschedules(db, { appointmentId })).map(withoutAppointmentId),
  };
}
