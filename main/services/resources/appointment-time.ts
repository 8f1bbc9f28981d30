import type { Tx } from '#db/tx.ts';
import { notFound } from '../core/errors.ts';
import { claimResource, releaseResources } from './resource-booking.ts';
import { joinSlotsFor, splitFreedSlots } from './slot-joining.ts';

// What an appointment's time holds besides its slot (the joined slots of a long type, a room),
// given back when it stops holding it and taken back when an admin undoes that.

/**
 * After appointments were cancelled or marked no-show (their slots' `is_booked` already synced):
 * their rooms are free again and their joined slots split back into the original slot length.
 */
export async function releaseTime(
  trx: Tx,
  appointmentIds: readonly number[],
  availabilityIds: readonly number[],
): Promise<void> {
  await releaseResources(trx, appointmentIds);
  await splitFreedSlots(trx, availabilityIds);
}

/**
 * An undone cancellation or no-show: the appointment's type length is joined again from its
 * slot and its room (or another of the kind) held again; SLOT_TAKEN when that time is gone.
 */
export async function retakeTime(trx: Tx, appointmentId: number): Promise<void> {
  const row = await trx
    .selectFrom('appointments as a')
    .innerJoin('doctor_availability as s', 's.availability_id', 'a.availability_id')
    .leftJoin('appointment_types as t', 't.appointment_type_id', 'a.appointment_type_id')
    .select([
      's.availability_id',
      's.doctor_id',
      's.available_date',
      's.start_time',
      's.end_time',
      'a.resource_id',
      't.name as type_name',
      't.minutes',
      't.needs_resource_kind',
    ])
    .where('a.appointment_id', '=', appointmentId)
    .executeTakeFirst();
  if (!row) throw notFound('appointment');
  const end =
    row.minutes === null
      ? row.end_time
      : await joinSlotsFor(trx, row, row.minutes, row.type_name ?? '', 'appointmentId');
  await claimResource(
    trx,
    appointmentId,
    { date: row.available_date, start: row.start_time, end },
    { resourceId: row.resource_id, kind: row.needs_resource_kind, strict: false },
  );
}
