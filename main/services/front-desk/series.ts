import { sql } from 'kysely';
import { writeTx } from '#db/tx.ts';
import { canMove } from '#shared/statuses.ts';
import type { Appointment } from '#contract/front-desk.ts';
import type { BookSeriesInput, SeriesBooked, SeriesOccurrence, SeriesPlan, SeriesRule } from '#contract/series.ts';
import { writeAudit } from '../core/audit.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { syncAppointmentPayment } from '../payments/index.ts';
import type { ScheduleViewService } from '../schedule/index.ts';
import { listAppointments } from './appointment-read.ts';
import { requirePatient } from './appointment-rules.ts';
import { cancelAppointments } from './appointment-status.ts';
import { STATUS_WORDS } from './appointment-steps.ts';
import type { AppointmentsService } from './appointments.ts';
import { checkDate, checkSlot, seriesDates, seriesStart, type SlotCheck } from './series-plan.ts';

// Recurring visits: plan (read only, with alternatives for each conflict), book (one write
// transaction that checks every date again and books through the single booking), and cancel
// "this and following".

/** How many free alternatives a conflict offers. */
const ALTERNATIVES = 3;

/** All or none: the first visit that cannot be booked, named, and nothing written. */
function refusal(error: unknown, index: number, when: { date: string; time: string }): unknown {
  if (!(error instanceof AppError)) return error;
  const message = `Visit ${index} on ${when.date} at ${when.time} cannot be booked: ${error.message} Nothing was booked.`;
  return new AppError('CONFLICT', message, { [`occurrences.${index}`]: error.message });
}

export function createSeriesService(
  { db, clock }: ServiceDeps,
  appointments: AppointmentsService,
  scheduleView: Pick<ScheduleViewService, 'nextFree'>,
) {
  async function plan(rule: SeriesRule): Promise<SeriesPlan> {
    const patientName = await requirePatient(db, rule.patientId);
    const start = await seriesStart(db, rule);
    const dates = seriesDates(start.date, rule);
    const calendar = await clinicCalendar(db, clock);
    const checks: SlotCheck[] = [];
    for (const date of dates) checks.push(await checkDate(db, calendar, rule.patientId, start, date));
    const planned = new Set(checks.flatMap((c) => (c.status === 'free' ? [c.slot.availability_id] : [])));
    const occurrences: SeriesOccurrence[] = [];
    for (const [i, check] of checks.entries()) {
      const date = dates[i] ?? start.date;
      const alternatives =
        check.status === 'free'
          ? []
          : (
              await scheduleView.nextFree({
                doctorId: start.doctor.doctorId,
                fromDate: date,
                fromTime: start.time,
                limit: ALTERNATIVES + planned.size,
              })
            )
              .filter((s) => !planned.has(s.availabilityId))
              .slice(0, ALTERNATIVES)
              .map((s) => ({
                availabilityId: s.availabilityId,
                date: s.date,
                startTime: s.startTime,
                endTime: s.endTime,
              }));
      occurrences.push({
        index: i + 1,
        date: check.slot?.available_date ?? date,
        time: check.slot?.start_time ?? start.time,
        status: check.status,
        availabilityId: check.status === 'free' ? check.slot.availability_id : null,
        endTime: check.slot?.end_time ?? null,
        reason: check.reason,
        alternatives,
      });
    }
    return {
      patientId: rule.patientId,
      patientName,
      doctorId: start.doctor.doctorId,
      doctorName: start.doctor.name,
      occurrences,
    };
  }

  async function book(actor: Actor, input: BookSeriesInput): Promise<SeriesBooked> {
    return writeTx(db, async (trx) => {
      await requirePatient(trx, input.patientId);
      const start = await seriesStart(trx, input);
      const dates = seriesDates(start.date, input);
      const calendar = await clinicCalendar(trx, clock);
      const choices = new Map(input.choices.map((c, position) => [c.index, { ...c, position }]));
      for (const choice of choices.values()) {
        if (choice.index > dates.length)
          throw new AppError('VALIDATION', `This series has ${dates.length} visits.`, {
            [`choices.${choice.position}.index`]: `This series has ${dates.length} visits.`,
          });
      }
      const booked: SeriesBooked['booked'] = [];
      const skipped: SeriesBooked['skipped'] = [];
      for (const [i, date] of dates.entries()) {
        const index = i + 1;
        const choice = choices.get(index);
        if (choice?.availabilityId === null) {
          skipped.push({ index, date, time: start.time, reason: 'Left out at the desk.' });
          continue;
        }
        const check = choice
          ? await checkSlot(
              trx,
              calendar,
              input.patientId,
              choice.availabilityId,
              `choices.${choice.position}.availabilityId`,
            )
          : await checkDate(trx, calendar, input.patientId, start, date);
        if (check.slot && check.slot.doctor_id !== start.doctor.doctorId) {
          const message = `Choose another slot with ${start.doctor.name} for visit ${index}.`;
          throw new AppError('VALIDATION', message, { [`choices.${choice?.position ?? 0}.availabilityId`]: message });
        }
        const when = { date: check.slot?.available_date ?? date, time: check.slot?.start_time ?? start.time };
        if (check.status !== 'free') {
          if (input.mode === 'all_or_none') throw refusal(new AppError('CONFLICT', check.reason), index, when);
          skipped.push({ index, ...when, reason: check.reason });
          continue;
        }
        // A savepoint per visit: a refusal only the booking itself finds (a long type's joined
        // time, a room) undoes that visit alone, and PostgreSQL's transaction stays usable.
        await sql`savepoint series_visit`.execute(trx);
        try {
          const appointment = await appointments.bookWithin(trx, actor, {
            availabilityId: check.slot.availability_id,
            patientId: input.patientId,
            appointmentTypeId: input.appointmentTypeId ?? null,
            resourceId: input.resourceId ?? null,
          });
          await sql`release savepoint series_visit`.execute(trx);
          booked.push({ ...appointment, index });
        } catch (error) {
          if (!(error instanceof AppError) || input.mode === 'all_or_none') throw refusal(error, index, when);
          await sql`rollback to savepoint series_visit`.execute(trx);
          skipped.push({ index, ...when, reason: error.message });
        }
      }
      if (booked.length === 0)
        throw new AppError('CONFLICT', 'None of the dates can be booked, so no series was made. Choose other dates.');
      const now = clock.now().toISOString();
      const { series_id: seriesId } = await trx
        .insertInto('appointment_series')
        .values({
          patient_id: input.patientId,
          doctor_id: start.doctor.doctorId,
          first_date: start.date,
          first_time: start.time,
          every: input.every,
          unit: input.unit,
          occurrence_count: input.count ?? null,
          until_date: input.until ?? null,
          mode: input.mode,
          skipped_json: JSON.stringify(skipped),
          created_by: actor.userId,
          created_at: now,
        })
        .returning('series_id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('appointments')
        .set({ series_id: seriesId })
        .where(
          'appointment_id',
          'in',
          booked.map((b) => b.appointmentId),
        )
        .execute();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'series.book',
        entity: 'appointment_series',
        entityId: seriesId,
        after: {
          mode: input.mode,
          rule: {
            doctorId: start.doctor.doctorId,
            firstDate: start.date,
            time: start.time,
            every: input.every,
            unit: input.unit,
            count: input.count ?? null,
            until: input.until ?? null,
            appointmentTypeId: input.appointmentTypeId ?? null,
            resourceId: input.resourceId ?? null,
          },
          choices: input.choices,
          booked: booked.map((b) => ({ index: b.index, appointmentId: b.appointmentId, date: b.date, time: b.time })),
          skipped,
        },
      });
      return { seriesId, mode: input.mode, booked, skipped };
    });
  }

  /** The appointment's series, with its open visits from this one on. */
  async function seriesOf(appointmentId: number) {
    const row = await db
      .selectFrom('appointments')
      .select(['series_id', 'appointment_date', 'appointment_time'])
      .where('appointment_id', '=', appointmentId)
      .executeTakeFirst();
    if (!row) throw notFound('appointment');
    if (row.series_id === null) return null;
    const visits = await db
      .selectFrom('appointments')
      .select(['appointment_date', 'appointment_time', 'status'])
      .where('series_id', '=', row.series_id)
      .execute();
    const open = visits.filter((v) => canMove(v.status, 'cancelled'));
    const fromHere = open.filter(
      (v) => `${v.appointment_date} ${v.appointment_time}` >= `${row.appointment_date} ${row.appointment_time}`,
    );
    return { seriesId: row.series_id, openFromHere: fromHere.length, openTotal: open.length };
  }

  async function cancelFollowing(actor: Actor, appointmentId: number, reason: string): Promise<Appointment[]> {
    return writeTx(db, async (trx) => {
      const row = await trx
        .selectFrom('appointments')
        .select(['series_id', 'appointment_date', 'appointment_time', 'status'])
        .where('appointment_id', '=', appointmentId)
        .executeTakeFirst();
      if (!row) throw notFound('appointment');
      if (row.series_id === null)
        throw new AppError('VALIDATION', 'This appointment is not part of a series.', {
          appointmentId: 'This appointment is not part of a series.',
        });
      if (!canMove(row.status, 'cancelled'))
        throw new AppError('CONFLICT', `This appointment is ${STATUS_WORDS[row.status]}, so it cannot be cancelled.`);
      const later = await trx
        .selectFrom('appointments')
        .select(['appointment_id', 'status'])
        .where('series_id', '=', row.series_id)
        .where((eb) =>
          eb.or([
            eb('appointment_date', '>', row.appointment_date),
            eb.and([
              eb('appointment_date', '=', row.appointment_date),
              eb('appointment_time', '>=', row.appointment_time),
            ]),
          ]),
        )
        .execute();
      const ids = later.filter((v) => canMove(v.status, 'cancelled')).map((v) => v.appointment_id);
      await cancelAppointments(trx, clock, actor, ids, reason);
      // As a single cancel does: a cancelled visit with nothing paid becomes void.
      for (const id of ids) await syncAppointmentPayment(trx, id);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'series.cancel_following',
        entity: 'appointment_series',
        entityId: row.series_id,
        after: { fromAppointmentId: appointmentId, cancelled: ids, reason },
      });
      const cancelled: Appointment[] = [];
      for (const id of ids) cancelled.push(...(await listAppointments(trx, { appointmentId: id })));
      return cancelled;
    });
  }

  return {
    plan,
    book,
    seriesOf,
    cancel: async (actor: Actor, appointmentId: number, scope: 'this_and_following' | 'only_this', reason: string) =>
      scope === 'only_this'
        ? [await appointments.cancel(actor, appointmentId, reason)]
        : cancelFollowing(actor, appointmentId, reason),
  };
}

export type SeriesService = ReturnType<typeof createSeriesService>;
