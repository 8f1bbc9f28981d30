import type { Tx } from '#db/tx.ts';
import { minutesToTime, timeToMinutes } from '#shared/dates.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import { AppError } from '../core/errors.ts';
import { leaveCovering, leaveOn } from '../schedule/index.ts';

// A type longer than the slot takes the consecutive free slots after it: they become ONE slot
// of at least the type's length (the others deleted, the first's end moved), so an appointment
// still has exactly one slot and the one-live-appointment-per-slot index and the no-overlap
// rule hold unchanged. The joined slot keeps its original length in `base_minutes`; when it is
// freed it is split back into slots of that length.

export interface JoinableSlot {
  availability_id: number;
  doctor_id: number;
  available_date: string;
  start_time: string;
  end_time: string;
}

const lengthOf = (slot: { start_time: string; end_time: string }): number =>
  timeToMinutes(slot.end_time) - timeToMinutes(slot.start_time);

/**
 * Makes `slot` at least `minutes` long by joining the doctor's consecutive free slots after it,
 * in the caller's transaction. Returns the slot's (possibly new) end time; refuses with
 * SLOT_TAKEN on `field` when the time after it is not free.
 */
export async function joinSlotsFor(
  trx: Tx,
  slot: JoinableSlot,
  minutes: number,
  what: string,
  field: string,
): Promise<string> {
  const have = lengthOf(slot);
  if (have >= minutes) return slot.end_time;
  const wantedEnd = timeToMinutes(slot.start_time) + minutes;
  const refuse = (why: string): never => {
    const message = `${what} needs ${minutes} minutes from ${slot.start_time}, but ${why}. Choose another start time.`;
    throw new AppError('SLOT_TAKEN', message, { [field]: message });
  };
  if (wantedEnd > 24 * 60) refuse('the day ends first');
  const following = await trx
    .selectFrom('doctor_availability as s')
    .select([
      's.availability_id',
      's.start_time',
      's.end_time',
      's.is_booked',
      's.blocked_reason',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('appointments as a')
              .select('a.appointment_id')
              .whereRef('a.availability_id', '=', 's.availability_id')
              .where('a.status', 'not in', [...INACTIVE_STATUSES]),
          )
          .as('has_live'),
    ])
    .where('s.doctor_id', '=', slot.doctor_id)
    .where('s.available_date', '=', slot.available_date)
    .where('s.start_time', '>=', slot.end_time)
    .where('s.start_time', '<', minutesToTime(wantedEnd))
    .orderBy('s.start_time')
    .execute();
  let end = slot.end_time;
  const joined: number[] = [];
  for (const next of following) {
    if (timeToMinutes(end) >= wantedEnd) break;
    if (next.start_time !== end) refuse(`the doctor has no slot at ${end}`);
    if (next.is_booked === 1 || Boolean(next.has_live)) refuse(`${next.start_time} is already booked`);
    if (next.blocked_reason !== null) refuse(`${next.start_time} is blocked: ${next.blocked_reason}`);
    joined.push(next.availability_id);
    end = next.end_time;
  }
  if (timeToMinutes(end) < wantedEnd) refuse(`the doctor has no free slot at ${end}`);
  const leave = leaveCovering(
    await leaveOn(trx, [slot.available_date], [slot.doctor_id]),
    slot.doctor_id,
    slot.available_date,
    slot.start_time,
    end,
  );
  if (leave) refuse(`the doctor is on leave then${leave.reason ? `: ${leave.reason}` : ''}`);
  // Cancelled visits and moves that pointed at the joined slots keep their own date and time;
  // they now point at the one slot that covers that time.
  await trx
    .updateTable('appointments')
    .set({ availability_id: slot.availability_id })
    .where('availability_id', 'in', joined)
    .execute();
  await trx
    .updateTable('appointment_reschedules')
    .set({ old_availability_id: slot.availability_id })
    .where('old_availability_id', 'in', joined)
    .execute();
  await trx
    .updateTable('appointment_reschedules')
    .set({ new_availability_id: slot.availability_id })
    .where('new_availability_id', 'in', joined)
    .execute();
  // Delete first, then stretch: the no-overlap trigger/constraint sees no overlap at any step.
  await trx.deleteFrom('doctor_availability').where('availability_id', 'in', joined).execute();
  await trx
    .updateTable('doctor_availability')
    .set((eb) => ({ end_time: end, base_minutes: eb.fn.coalesce('base_minutes', eb.val(have)) }))
    .where('availability_id', '=', slot.availability_id)
    .execute();
  return end;
}

/**
 * Splits every joined slot among `availabilityIds` that no live appointment holds any more
 * back into slots of its original length (after a cancellation, no-show or move).
 */
export async function splitFreedSlots(trx: Tx, availabilityIds: readonly number[]): Promise<void> {
  if (availabilityIds.length === 0) return;
  const joined = await trx
    .selectFrom('doctor_availability')
    .select(['availability_id', 'doctor_id', 'available_date', 'start_time', 'end_time', 'source', 'base_minutes'])
    .where('availability_id', 'in', [...availabilityIds])
    .where('base_minutes', 'is not', null)
    .where('is_booked', '=', 0)
    .execute();
  for (const slot of joined) {
    const base = slot.base_minutes ?? lengthOf(slot);
    const start = timeToMinutes(slot.start_time);
    const end = timeToMinutes(slot.end_time);
    const firstEnd = Math.min(start + base, end);
    // Shrink first, then add the rest: never an overlap on the way.
    await trx
      .updateTable('doctor_availability')
      .set({ end_time: minutesToTime(firstEnd), base_minutes: null })
      .where('availability_id', '=', slot.availability_id)
      .execute();
    const rest = [];
    for (let from = firstEnd; from < end; from += base) {
      rest.push({
        doctor_id: slot.doctor_id,
        available_date: slot.available_date,
        start_time: minutesToTime(from),
        end_time: minutesToTime(Math.min(from + base, end)),
        source: slot.source,
      });
    }
    if (rest.length > 0) await trx.insertInto('doctor_availability').values(rest).execute();
  }
}
