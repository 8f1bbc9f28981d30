import { writeTx, type Tx } from '#db/tx.ts';
import type { SlotView } from '#contract/schedule.ts';
import { writeAudit } from '../core/audit.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { assertCanManageSchedule, requireDoctor } from './schedule-access.ts';
import { regenerateAll, regenerateDoctor, type GenerationResult } from './slot-generation.ts';
import { isPast, leaveOn, selectSlots, toSlotView } from './slot-view.ts';

export function createSlotsService({ db, clock }: ServiceDeps) {
  async function view(trx: Tx, availabilityId: number): Promise<SlotView> {
    const slot = await trx
      .selectFrom('doctor_availability')
      .select(['doctor_id', 'available_date'])
      .where('availability_id', '=', availabilityId)
      .executeTakeFirst();
    if (!slot) throw notFound('slot');
    const calendar = await clinicCalendar(trx, clock);
    const [records, leave, doctor] = await Promise.all([
      selectSlots(trx, { dates: [slot.available_date], doctorIds: [slot.doctor_id] }),
      leaveOn(trx, [slot.available_date], [slot.doctor_id]),
      requireDoctor(trx, slot.doctor_id),
    ]);
    const record = records.find((r) => r.availability_id === availabilityId);
    if (!record) throw notFound('slot');
    return toSlotView(record, {
      calendar,
      leave,
      doctors: new Map([[doctor.doctorId, { name: doctor.name, available: doctor.isAvailable }]]),
    });
  }

  async function addManual(
    actor: Actor,
    input: { doctorId: number; date: string; startTime: string; endTime: string },
  ): Promise<SlotView> {
    assertCanManageSchedule(actor, input.doctorId);
    await requireDoctor(db, input.doctorId);
    const calendar = await clinicCalendar(db, clock);
    if (isPast(calendar, input.date, input.startTime)) {
      throw new AppError('VALIDATION', 'A new slot cannot start in the past.', {
        startTime: 'A new slot cannot start in the past.',
      });
    }
    return writeTx(db, async (trx) => {
      const clash = await trx
        .selectFrom('doctor_availability')
        .select(['start_time', 'end_time'])
        .where('doctor_id', '=', input.doctorId)
        .where('available_date', '=', input.date)
        .where('start_time', '<', input.endTime)
        .where('end_time', '>', input.startTime)
        .executeTakeFirst();
      if (clash) {
        const message = `This overlaps the doctor’s slot ${clash.start_time}–${clash.end_time} on that day.`;
        throw new AppError('CONFLICT', message, { startTime: message });
      }
      const { availability_id: id } = await trx
        .insertInto('doctor_availability')
        .values({
          doctor_id: input.doctorId,
          available_date: input.date,
          start_time: input.startTime,
          end_time: input.endTime,
          source: 'manual',
          blocked_reason: null,
          blocked_by: null,
        })
        .returning('availability_id')
        .executeTakeFirstOrThrow();
      const slot = await view(trx, id);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'slot.add',
        entity: 'slot',
        entityId: id,
        after: slot,
      });
      return slot;
    });
  }

  async function setBlock(actor: Actor, availabilityId: number, reason: string | null): Promise<SlotView> {
    return writeTx(db, async (trx) => {
      const before = await view(trx, availabilityId);
      assertCanManageSchedule(actor, before.doctorId);
      if (reason !== null) {
        if (before.state === 'booked')
          throw new AppError('CONFLICT', 'This slot is booked. Cancel or move the appointment before blocking it.');
        if (before.state === 'past') throw new AppError('CONFLICT', 'This slot has passed and cannot be blocked.');
      }
      await trx
        .updateTable('doctor_availability')
        .set({ blocked_reason: reason, blocked_by: reason === null ? null : actor.userId })
        .where('availability_id', '=', availabilityId)
        .execute();
      const after = await view(trx, availabilityId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: reason === null ? 'slot.unblock' : 'slot.block',
        entity: 'slot',
        entityId: availabilityId,
        before,
        after,
      });
      return after;
    });
  }

  /** Regenerates up to the horizon: on demand (admins) and by main's daily job. */
  async function generate(actor: Actor | null, doctorId?: number): Promise<GenerationResult> {
    const calendar = await clinicCalendar(db, clock);
    return writeTx(db, async (trx) => {
      const result =
        doctorId === undefined
          ? await regenerateAll(trx, calendar.now.date, calendar.horizonEnd, calendar.timeZone)
          : await regenerateDoctor(
              trx,
              (await requireDoctor(trx, doctorId)).doctorId,
              calendar.now.date,
              calendar.horizonEnd,
              calendar.timeZone,
            );
      if (result.created > 0 || result.removed > 0 || actor) {
        await writeAudit(trx, clock, {
          userId: actor?.userId ?? null,
          action: 'slots.generate',
          entity: 'doctor_availability',
          entityId: doctorId ?? null,
          after: { ...result, horizonEnd: calendar.horizonEnd },
        });
      }
      return result;
    });
  }

  return {
    addManual,
    block: (actor: Actor, availabilityId: number, reason: string) => setBlock(actor, availabilityId, reason),
    unblock: (actor: Actor, availabilityId: number) => setBlock(actor, availabilityId, null),
    generate,
  };
}

export type SlotsService = ReturnType<typeof createSlotsService>;
