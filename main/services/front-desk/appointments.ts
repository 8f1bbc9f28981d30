import type { AppointmentStatus, Flag } from '#db/schema.ts';
import { canMove, isSlotFreeing, type StatusMoveTarget } from '#shared/statuses.ts';
import { hotQuery } from '#db/hot-query.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import { mayMoveTo, STATUS_MOVE_ROLES, type Appointment } from '#contract/front-desk.ts';
import { listAppointments } from './appointment-read.ts';
import { assertBookable, loadSlot, patientClashes, requirePatient } from './appointment-rules.ts';
import { writeAudit } from '../core/audit.ts';
import { calendarOf, clinicCalendar, deskSettings } from '../core/clinic-clock.ts';
import { moneyOf, openVisitAccount, syncAppointmentPayment } from '../payments/index.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, isUniqueViolation, notFound } from '../core/errors.ts';
import { syncIsBooked } from '../schedule/index.ts';
import {
  claimResource,
  joinSlotsFor,
  releaseTime,
  retakeTime,
  splitFreedSlots,
  typeForBooking,
} from '../resources/index.ts';
import { toMajorNumber } from '#shared/money.ts';
import { stepRecorder, STATUS_WORDS } from './appointment-steps.ts';
import { findWalkInSlot } from './walk-in.ts';
import { readAppointmentPage } from './appointment-page.ts';
import { readBoard, type BoardQuery } from './board.ts';

/** A new appointment, compiled once: the one insert every booking runs. */
const insertAppointment = hotQuery(
  (
    db,
    doctorId: number,
    patientId: number,
    availabilityId: number,
    date: string,
    time: string,
    createdAt: string,
    bookedBy: number,
    overlapOverrideReason: string | null,
    isWalkIn: Flag,
    appointmentTypeId: number | null,
  ) =>
    db
      .insertInto('appointments')
      .values({
        doctor_id: doctorId,
        patient_id: patientId,
        availability_id: availabilityId,
        appointment_date: date,
        appointment_time: time,
        status: 'scheduled',
        created_at: createdAt,
        needs_reschedule_reason: null,
        booked_by: bookedBy,
        overlap_override_reason: overlapOverrideReason,
        is_walk_in: isWalkIn,
        appointment_type_id: appointmentTypeId,
      })
      .returning('appointment_id'),
);

export interface BookInput {
  availabilityId: number;
  patientId: number;
  overlapOverrideReason?: string | null | undefined;
  /** A type longer than the slot joins the doctor's free slots after it into one. */
  appointmentTypeId?: number | null | undefined;
  /** The desk's choice of room or resource; without it a type that needs one gets a free one. */
  resourceId?: number | null | undefined;
}

export function createAppointmentsService({ db, clock }: ServiceDeps) {
  async function load(trx: Tx, appointmentId: number): Promise<Appointment> {
    const [appointment] = await listAppointments(trx, { appointmentId });
    if (!appointment) throw notFound('appointment');
    return appointment;
  }

  const recordStep = stepRecorder(clock);

  /** Books inside the caller's transaction; shared by booking and walk-ins. */
  async function bookIn(trx: Tx, actor: Actor, input: BookInput, walkIn: boolean): Promise<Appointment> {
    // The settings once for the whole booking: its calendar checks and its charge's currency.
    const settings = await deskSettings(trx);
    const calendar = calendarOf(settings, clock);
    const picked = await loadSlot(trx, input.availabilityId, 'availabilityId');
    const patientName = await requirePatient(trx, input.patientId);
    const type = input.appointmentTypeId
      ? await typeForBooking(trx, input.appointmentTypeId, { id: picked.doctor_id, name: picked.doctor_name })
      : null;
    await assertBookable(trx, picked, calendar, 'availabilityId');
    const slot = type
      ? { ...picked, end_time: await joinSlotsFor(trx, picked, type.minutes, type.name, 'availabilityId') }
      : picked;
    const clashes = await patientClashes(trx, input.patientId, slot);
    const clash = clashes[0];
    if (clash && !input.overlapOverrideReason) {
      const message = `This patient already has an appointment with ${clash.name} at ${clash.start_time} that day. Give a reason to book both.`;
      throw new AppError('CONFLICT', message, { overlapOverrideReason: message });
    }
    const now = clock.now().toISOString();
    let appointmentId: number;
    try {
      const [row] = await insertAppointment(
        trx,
        slot.doctor_id,
        input.patientId,
        slot.availability_id,
        slot.available_date,
        slot.start_time,
        now,
        actor.userId,
        clash ? (input.overlapOverrideReason ?? null) : null,
        walkIn ? 1 : 0,
        type?.appointmentTypeId ?? null,
      );
      if (!row) throw new Error('The appointment was not written.');
      appointmentId = row.appointment_id;
    } catch (error) {
      if (isUniqueViolation(error, 'appointments.availability_id')) {
        throw new AppError(
          'SLOT_TAKEN',
          'This slot was just booked at another desk. Choose one of the next free slots.',
          { availabilityId: 'This slot was just booked at another desk.' },
        );
      }
      throw error;
    }
    await syncIsBooked(trx, [slot.availability_id]);
    const resource = await claimResource(
      trx,
      appointmentId,
      { date: slot.available_date, start: slot.start_time, end: slot.end_time },
      { resourceId: input.resourceId ?? null, kind: type?.needsResourceKind ?? null, strict: true },
    );
    const money = moneyOf(settings);
    // The type's default fee when it has one, else the doctor's consultation fee.
    const feeMajor =
      type?.defaultFeeMinor != null ? toMajorNumber(type.defaultFeeMinor, money.digits) : slot.consultation_fee;
    await openVisitAccount(trx, { appointmentId, feeMajor, createdAt: now, createdBy: actor.userId }, money);
    await recordStep(
      trx,
      actor,
      appointmentId,
      null,
      'scheduled',
      clash ? `Booked over another appointment: ${input.overlapOverrideReason}` : null,
    );
    // Everything in it was just written or read above: no read-back through the joins.
    const booked: Appointment = {
      appointmentId,
      doctorId: slot.doctor_id,
      doctorName: slot.doctor_name,
      patientId: input.patientId,
      patientName,
      availabilityId: slot.availability_id,
      date: slot.available_date,
      time: slot.start_time,
      endTime: slot.end_time,
      status: 'scheduled',
      isWalkIn: walkIn,
      needsRescheduleReason: null,
      checkedInAt: null,
      createdAt: now,
      appointmentTypeId: type?.appointmentTypeId ?? null,
      typeName: type?.name ?? null,
      typeColour: type?.colour ?? null,
      resourceId: resource?.resourceId ?? null,
      resourceName: resource?.name ?? null,
    };
    await writeAudit(trx, clock, {
      userId: actor.userId,
      action: walkIn ? 'appointment.walk_in' : 'appointment.book',
      entity: 'appointment',
      entityId: appointmentId,
      after: { ...booked, overlapOverrideReason: clash ? input.overlapOverrideReason : null },
    });
    return booked;
  }

  async function move(
    actor: Actor,
    appointmentId: number,
    to: AppointmentStatus,
    reason: string | null = null,
  ): Promise<Appointment> {
    if (!(to in STATUS_MOVE_ROLES)) throw new AppError('VALIDATION', 'That status change is not possible.');
    const target = to as StatusMoveTarget;
    return writeTx(db, async (trx) => {
      const before = await load(trx, appointmentId);
      if (!mayMoveTo(actor.role, target)) throw new AppError('FORBIDDEN', 'Your role does not allow this step.');
      if (actor.role === 'doctor' && before.doctorId !== actor.userId)
        throw new AppError('FORBIDDEN', 'Doctors can change only their own appointments.');
      if (!canMove(before.status, to)) {
        throw new AppError(
          'CONFLICT',
          `This appointment is ${STATUS_WORDS[before.status]}, so it cannot be marked ${STATUS_WORDS[to]}.`,
        );
      }
      const calendar = await clinicCalendar(trx, clock);
      if (to === 'checked_in' && before.date !== calendar.now.date) {
        throw new AppError('CONFLICT', 'Patients can be checked in only on the day of their appointment.');
      }
      if (
        to === 'no_show' &&
        (before.date > calendar.now.date || (before.date === calendar.now.date && before.time > calendar.now.time))
      ) {
        throw new AppError('CONFLICT', 'A patient can be marked as a no-show only after the appointment time.');
      }
      await trx.updateTable('appointments').set({ status: to }).where('appointment_id', '=', appointmentId).execute();
      if (isSlotFreeing(to)) {
        await syncIsBooked(trx, [before.availabilityId]);
        await releaseTime(trx, [appointmentId], [before.availabilityId]);
      }
      // A cancelled appointment with nothing paid becomes void (payment-status.ts).
      if (to === 'cancelled') await syncAppointmentPayment(trx, appointmentId);
      await recordStep(trx, actor, appointmentId, before.status, to, reason);
      const after = await load(trx, appointmentId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: `appointment.${to}`,
        entity: 'appointment',
        entityId: appointmentId,
        before: { status: before.status },
        after: { status: to, reason },
      });
      return after;
    });
  }

  async function undoLastStep(actor: Actor, appointmentId: number, reason: string): Promise<Appointment> {
    return writeTx(db, async (trx) => {
      const before = await load(trx, appointmentId);
      const steps = await trx
        .selectFrom('appointment_status_history')
        .selectAll()
        .where('appointment_id', '=', appointmentId)
        .orderBy('history_id', 'desc')
        .execute();
      const undone = new Set(steps.map((s) => s.undoes_history_id).filter((id) => id !== null));
      const last = steps.find(
        (s) => s.undoes_history_id === null && !undone.has(s.history_id) && s.to_status === before.status,
      );
      if (!last || last.from_status === null)
        throw new AppError('CONFLICT', 'There is no step to undo. To remove a booking, cancel it.');
      const previous = last.from_status;
      try {
        await trx
          .updateTable('appointments')
          .set({ status: previous })
          .where('appointment_id', '=', appointmentId)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error, 'appointments.availability_id'))
          throw new AppError(
            'SLOT_TAKEN',
            'The slot has been booked for someone else since, so this cannot be undone. Book a new slot instead.',
          );
        throw error;
      }
      // Undoing a cancellation or no-show takes the time (joined slots, room) back, or refuses.
      if (isSlotFreeing(before.status)) await retakeTime(trx, appointmentId);
      await syncIsBooked(trx, [before.availabilityId]);
      await syncAppointmentPayment(trx, appointmentId);
      await recordStep(trx, actor, appointmentId, before.status, previous, reason, last.history_id);
      const after = await load(trx, appointmentId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'appointment.undo',
        entity: 'appointment',
        entityId: appointmentId,
        before: { status: before.status },
        after: { status: previous, reason },
      });
      return after;
    });
  }

  async function reschedule(
    actor: Actor,
    appointmentId: number,
    newAvailabilityId: number,
    reason: string,
  ): Promise<Appointment> {
    return writeTx(db, async (trx) => {
      const before = await load(trx, appointmentId);
      if (before.status !== 'scheduled')
        throw new AppError(
          'CONFLICT',
          `This appointment is ${STATUS_WORDS[before.status]}; only scheduled appointments can be moved.`,
        );
      if (newAvailabilityId === before.availabilityId) {
        throw new AppError('VALIDATION', 'Choose a different slot from the current one.', {
          newAvailabilityId: 'Choose a different slot from the current one.',
        });
      }
      const calendar = await clinicCalendar(trx, clock);
      const target = await loadSlot(trx, newAvailabilityId, 'newAvailabilityId');
      await assertBookable(trx, target, calendar, 'newAvailabilityId', appointmentId);
      const type = before.appointmentTypeId
        ? await typeForBooking(trx, before.appointmentTypeId, { id: target.doctor_id, name: target.doctor_name })
        : null;
      const slot = type
        ? { ...target, end_time: await joinSlotsFor(trx, target, type.minutes, type.name, 'newAvailabilityId') }
        : target;
      await trx
        .updateTable('appointments')
        .set({
          availability_id: slot.availability_id,
          doctor_id: slot.doctor_id,
          appointment_date: slot.available_date,
          appointment_time: slot.start_time,
          needs_reschedule_reason: null,
        })
        .where('appointment_id', '=', appointmentId)
        .execute();
      await syncIsBooked(trx, [before.availabilityId, slot.availability_id]);
      await splitFreedSlots(trx, [before.availabilityId]);
      // The same room when it is free at the new time, else another of its kind.
      await claimResource(
        trx,
        appointmentId,
        { date: slot.available_date, start: slot.start_time, end: slot.end_time },
        { resourceId: before.resourceId ?? null, kind: type?.needsResourceKind ?? null, strict: false },
      );
      await trx
        .insertInto('appointment_reschedules')
        .values({
          appointment_id: appointmentId,
          old_date: before.date,
          old_time: before.time,
          new_date: slot.available_date,
          new_time: slot.start_time,
          reason,
          rescheduled_at: clock.now().toISOString(),
          rescheduled_by: actor.userId,
          old_availability_id: before.availabilityId,
          new_availability_id: slot.availability_id,
        })
        .execute();
      const after = await load(trx, appointmentId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'appointment.reschedule',
        entity: 'appointment',
        entityId: appointmentId,
        before,
        after: { ...after, reason },
      });
      return after;
    });
  }

  async function walkIn(
    actor: Actor,
    patientId: number,
    doctorId: number,
    overlapOverrideReason?: string | null,
  ): Promise<Appointment> {
    return writeTx(db, async (trx) => {
      const calendar = await clinicCalendar(trx, clock);
      const availabilityId = await findWalkInSlot(trx, doctorId, calendar);
      const booked = await bookIn(trx, actor, { availabilityId, patientId, overlapOverrideReason }, true);
      await trx
        .updateTable('appointments')
        .set({ status: 'checked_in' })
        .where('appointment_id', '=', booked.appointmentId)
        .execute();
      await recordStep(trx, actor, booked.appointmentId, 'scheduled', 'checked_in', 'Walk-in');
      return load(trx, booked.appointmentId);
    });
  }

  const get = (appointmentId: number) => readAppointmentPage(db, appointmentId);

  return {
    book: (actor: Actor, input: BookInput) => writeTx(db, (trx) => bookIn(trx, actor, input, false)),
    /** Books inside a caller's transaction (the waitlist books and updates its entry in one). */
    bookWithin: (trx: Tx, actor: Actor, input: BookInput) => bookIn(trx, actor, input, false),
    checkIn: (actor: Actor, id: number) => move(actor, id, 'checked_in'),
    startConsultation: (actor: Actor, id: number) => move(actor, id, 'in_consultation'),
    complete: (actor: Actor, id: number) => move(actor, id, 'completed'),
    noShow: (actor: Actor, id: number, reason: string | null = null) => move(actor, id, 'no_show', reason),
    cancel: (actor: Actor, id: number, reason: string) => move(actor, id, 'cancelled', reason),
    undoLastStep,
    reschedule,
    walkIn,
    get,
    /** One page of a day's board; a doctor reading it sees their own appointments first. */
    board: (actor: Actor, query: BoardQuery) =>
      readBoard(db, clock, query, actor.role === 'doctor' ? actor.userId : null),
  };
}

export type AppointmentsService = ReturnType<typeof createAppointmentsService>;
