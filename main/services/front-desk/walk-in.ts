import type { Tx } from '#db/tx.ts';
import { minutesToTime, timeToMinutes } from '#shared/dates.ts';
import type { ClinicCalendar } from '../core/clinic-clock.ts';
import { AppError } from '../core/errors.ts';
import { requireDoctor } from '../schedule/index.ts';

/** A free slot starting within this many minutes is good enough for a walk-in. */
const WAIT_LIMIT_MINUTES = 60;

/**
 * The slot a walk-in takes with this doctor today: a free, unblocked slot starting within
 * the hour, or else a new slot in the first gap from now (never overlapping another slot).
 */
export async function findWalkInSlot(trx: Tx, doctorId: number, calendar: ClinicCalendar): Promise<number> {
  const doctor = await requireDoctor(trx, doctorId);
  if (!doctor.isAvailable || !doctor.accountActive) {
    throw new AppError('SLOT_TAKEN', `${doctor.name} is not taking patients at the moment. Choose another doctor.`, {
      doctorId: `${doctor.name} is not taking patients at the moment.`,
    });
  }
  const today = calendar.now.date;
  const nowMinutes = timeToMinutes(calendar.now.time);
  const slots = await trx
    .selectFrom('doctor_availability')
    .select(['availability_id', 'start_time', 'end_time', 'is_booked', 'blocked_reason'])
    .where('doctor_id', '=', doctorId)
    .where('available_date', '=', today)
    .orderBy('start_time')
    .execute();
  const soon = slots.find(
    (s) =>
      s.is_booked === 0 &&
      s.blocked_reason === null &&
      timeToMinutes(s.start_time) >= nowMinutes &&
      timeToMinutes(s.start_time) - nowMinutes <= WAIT_LIMIT_MINUTES,
  );
  if (soon) return soon.availability_id;

  const settings = await trx
    .selectFrom('settings')
    .select('default_slot_minutes')
    .where('id', '=', 1)
    .executeTakeFirst();
  const length = settings?.default_slot_minutes ?? 15;
  let start = Math.ceil(nowMinutes / 5) * 5;
  for (const s of slots) {
    const [from, to] = [timeToMinutes(s.start_time), timeToMinutes(s.end_time)];
    if (to <= start) continue;
    if (from >= start + length) break;
    start = Math.max(start, to);
  }
  if (start + length > 23 * 60 + 59) {
    throw new AppError(
      'SLOT_TAKEN',
      `${doctor.name} has no free time left today. Choose another doctor or book a later day.`,
      { doctorId: 'No free time left today.' },
    );
  }
  const { availability_id: id } = await trx
    .insertInto('doctor_availability')
    .values({
      doctor_id: doctorId,
      available_date: today,
      start_time: minutesToTime(start),
      end_time: minutesToTime(start + length),
      source: 'walk_in',
      blocked_reason: null,
      blocked_by: null,
    })
    .returning('availability_id')
    .executeTakeFirstOrThrow();
  return id;
}
