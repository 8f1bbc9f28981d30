import type { ExceptionRow } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import type { ScheduleException } from '#contract/schedule.ts';
import { writeAudit } from '../core/audit.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import { cancelAppointments } from '../front-desk/index.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { assertCanManageSchedule, requireDoctor } from './schedule-access.ts';
import { regenerateDoctor, type GenerationResult } from './slot-generation.ts';

export interface LeaveInput {
  doctorId: number;
  startDate: string;
  endDate: string;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  reason: string;
  onBooked?: 'keep' | 'cancel' | 'reschedule' | undefined;
  cancelReason?: string | null | undefined;
}

export interface ExtraInput {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes?: number | undefined;
  reason?: string | null | undefined;
}

export interface AffectedAppointment {
  appointmentId: number;
  patientName: string;
  date: string;
  time: string;
  status: string;
}

export function toException(row: ExceptionRow): ScheduleException {
  return {
    exceptionId: row.exception_id,
    doctorId: row.doctor_id,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes,
    reason: row.reason,
  };
}

type Period = Pick<LeaveInput, 'doctorId' | 'startDate' | 'endDate' | 'startTime' | 'endTime'>;

/** Appointments still to happen (not cancelled, no-show or completed) inside a leave period. */
async function appointmentsIn(trx: Tx, period: Period): Promise<AffectedAppointment[]> {
  let query = trx
    .selectFrom('appointments as a')
    .innerJoin('doctor_availability as s', 's.availability_id', 'a.availability_id')
    .innerJoin('users as p', 'p.user_id', 'a.patient_id')
    .select(['a.appointment_id', 'p.name', 's.available_date', 's.start_time', 'a.status'])
    .where('a.doctor_id', '=', period.doctorId)
    .where('a.status', 'not in', [...INACTIVE_STATUSES, 'completed'])
    .where('s.available_date', '>=', period.startDate)
    .where('s.available_date', '<=', period.endDate);
  if (period.startTime && period.endTime) {
    query = query.where('s.start_time', '<', period.endTime).where('s.end_time', '>', period.startTime);
  }
  const rows = await query.orderBy('s.available_date').orderBy('s.start_time').execute();
  return rows.map((r) => ({
    appointmentId: r.appointment_id,
    patientName: r.name,
    date: r.available_date,
    time: r.start_time,
    status: r.status,
  }));
}

export function createExceptionsService({ db, clock }: ServiceDeps) {
  async function list(doctorId: number, from?: string): Promise<ScheduleException[]> {
    const start = from ?? (await clinicCalendar(db, clock)).now.date;
    const rows = await db
      .selectFrom('schedule_exceptions')
      .selectAll()
      .where('doctor_id', '=', doctorId)
      .where('end_date', '>=', start)
      .orderBy('start_date')
      .execute();
    return rows.map(toException);
  }

  async function previewLeave(actor: Actor, period: Period): Promise<AffectedAppointment[]> {
    assertCanManageSchedule(actor, period.doctorId);
    await requireDoctor(db, period.doctorId);
    return appointmentsIn(db, period);
  }

  async function addLeave(
    actor: Actor,
    input: LeaveInput,
  ): Promise<{ exception: ScheduleException; affected: AffectedAppointment[]; generation: GenerationResult }> {
    assertCanManageSchedule(actor, input.doctorId);
    await requireDoctor(db, input.doctorId);
    const calendar = await clinicCalendar(db, clock);
    return writeTx(db, async (trx) => {
      const affected = await appointmentsIn(trx, input);
      if (affected.length > 0 && !input.onBooked) {
        const message =
          affected.length === 1
            ? 'One booked appointment falls in this leave. Choose to keep it, cancel it, or list it for rescheduling.'
            : `${affected.length} booked appointments fall in this leave. Choose to keep them, cancel them, or list them for rescheduling.`;
        throw new AppError('CONFLICT', message, { onBooked: message });
      }
      const row = await trx
        .insertInto('schedule_exceptions')
        .values({
          doctor_id: input.doctorId,
          kind: 'leave',
          start_date: input.startDate,
          end_date: input.endDate,
          start_time: input.startTime ?? null,
          end_time: input.endTime ?? null,
          slot_minutes: null,
          reason: input.reason,
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const ids = affected.map((a) => a.appointmentId);
      if (input.onBooked === 'cancel') {
        await cancelAppointments(trx, clock, actor, ids, input.cancelReason ?? input.reason);
      } else if (input.onBooked === 'reschedule' && ids.length > 0) {
        await trx
          .updateTable('appointments')
          .set({ needs_reschedule_reason: `Doctor on leave: ${input.reason}` })
          .where('appointment_id', 'in', ids)
          .execute();
      }
      const generation = await regenerateDoctor(
        trx,
        input.doctorId,
        calendar.now.date,
        calendar.horizonEnd,
        calendar.timeZone,
      );
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'leave.add',
        entity: 'schedule_exception',
        entityId: row.exception_id,
        after: { ...toException(row), onBooked: input.onBooked ?? null, affected: ids, generation },
      });
      return { exception: toException(row), affected, generation };
    });
  }

  async function addExtra(
    actor: Actor,
    input: ExtraInput,
  ): Promise<{ exception: ScheduleException; generation: GenerationResult }> {
    assertCanManageSchedule(actor, input.doctorId);
    await requireDoctor(db, input.doctorId);
    const calendar = await clinicCalendar(db, clock);
    if (input.date < calendar.now.date) {
      throw new AppError('VALIDATION', 'An extra session cannot be in the past.', {
        date: 'An extra session cannot be in the past.',
      });
    }
    const slotMinutes = input.slotMinutes ?? calendar.defaultSlotMinutes;
    return writeTx(db, async (trx) => {
      const row = await trx
        .insertInto('schedule_exceptions')
        .values({
          doctor_id: input.doctorId,
          kind: 'extra',
          start_date: input.date,
          end_date: input.date,
          start_time: input.startTime,
          end_time: input.endTime,
          slot_minutes: slotMinutes,
          reason: input.reason ?? null,
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Past the horizon the daily run picks it up when its date comes into range.
      const generation = await regenerateDoctor(trx, input.doctorId, input.date, input.date, calendar.timeZone);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'extra.add',
        entity: 'schedule_exception',
        entityId: row.exception_id,
        after: { ...toException(row), generation },
      });
      return { exception: toException(row), generation };
    });
  }

  async function remove(actor: Actor, exceptionId: number): Promise<{ generation: GenerationResult }> {
    const existing = await db
      .selectFrom('schedule_exceptions')
      .selectAll()
      .where('exception_id', '=', exceptionId)
      .executeTakeFirst();
    if (!existing) throw notFound('leave or extra session');
    assertCanManageSchedule(actor, existing.doctor_id);
    const calendar = await clinicCalendar(db, clock);
    return writeTx(db, async (trx) => {
      await trx.deleteFrom('schedule_exceptions').where('exception_id', '=', exceptionId).execute();
      const from = existing.start_date > calendar.now.date ? existing.start_date : calendar.now.date;
      const to = existing.end_date > calendar.horizonEnd ? existing.end_date : calendar.horizonEnd;
      const generation = await regenerateDoctor(trx, existing.doctor_id, from, to, calendar.timeZone);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: `${existing.kind}.delete`,
        entity: 'schedule_exception',
        entityId: exceptionId,
        before: toException(existing),
        after: { generation },
      });
      return { generation };
    });
  }

  return { list, previewLeave, addLeave, addExtra, remove };
}

export type ExceptionsService = ReturnType<typeof createExceptionsService>;
