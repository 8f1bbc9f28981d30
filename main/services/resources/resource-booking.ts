import type { Tx } from '#db/tx.ts';
import { AppError, isOverlapRefusal } from '../core/errors.ts';

// A live appointment that uses a room or resource holds one `resource_bookings` row over its
// span; the database refuses two overlapping rows for one resource (trigger / exclusion).

export interface Span {
  date: string;
  start: string;
  end: string;
}

export interface ResourceChoice {
  /** The desk's choice (or the one the appointment had), else null: the first free one of `kind`. */
  resourceId: number | null;
  /** The kind the type needs, else null. */
  kind: string | null;
  /** True: refuse when `resourceId` is busy. False: take another free one of its kind then. */
  strict: boolean;
}

export interface ClaimedResource {
  resourceId: number;
  name: string;
}

const busy = (message: string): AppError => new AppError('SLOT_TAKEN', message, { resourceId: message });

/** The active resources (of `kind`, when given) with no booking overlapping `span`, by name. */
export async function freeResources(trx: Tx, span: Span, kind: string | null, ignoreAppointmentId = 0) {
  let query = trx
    .selectFrom('resources as r')
    .select(['r.resource_id', 'r.name', 'r.kind', 'r.active'])
    .where('r.active', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('resource_bookings as b')
            .select('b.appointment_id')
            .whereRef('b.resource_id', '=', 'r.resource_id')
            .where('b.booking_date', '=', span.date)
            .where('b.start_time', '<', span.end)
            .where('b.end_time', '>', span.start)
            .where('b.appointment_id', '!=', ignoreAppointmentId),
        ),
      ),
    );
  if (kind !== null) query = query.where('r.kind', '=', kind);
  return query.orderBy('r.name').execute();
}

/**
 * Picks the resource for an appointment (the desk's choice, checked, or the first free one of
 * the kind) and holds it over `span`, in the caller's transaction. Returns it, or null when
 * nothing was asked for.
 */
export async function claimResource(
  trx: Tx,
  appointmentId: number,
  span: Span,
  choice: ResourceChoice,
): Promise<ClaimedResource | null> {
  if (choice.resourceId === null && choice.kind === null) return null;
  let kind = choice.kind;
  let preferred: { resource_id: number; name: string } | null = null;
  if (choice.resourceId !== null) {
    const chosen = await trx
      .selectFrom('resources')
      .select(['resource_id', 'name', 'kind', 'active'])
      .where('resource_id', '=', choice.resourceId)
      .executeTakeFirst();
    if (!chosen || (chosen.active !== 1 && choice.strict)) {
      const message = 'Choose a room or resource from the list.';
      throw new AppError('VALIDATION', message, { resourceId: message });
    }
    if (kind !== null && chosen.kind !== kind) {
      const message = `${chosen.name} is not a ${kind}. Choose a ${kind}.`;
      throw new AppError('VALIDATION', message, { resourceId: message });
    }
    kind = chosen.kind;
    preferred = chosen;
  }
  const free = await freeResources(trx, span, kind, appointmentId);
  // Strict: the preferred one or none; otherwise the preferred one when free, else the first free.
  const claimed =
    preferred && choice.strict
      ? free.find((r) => r.resource_id === preferred.resource_id)
      : (free.find((r) => r.resource_id === preferred?.resource_id) ?? free[0]);
  if (!claimed) {
    throw busy(
      preferred
        ? `${preferred.name} is busy at ${span.start}–${span.end}. Choose another one or another time.`
        : `No ${kind ?? 'resource'} is free at ${span.start}–${span.end}. Choose another time.`,
    );
  }
  try {
    await trx.deleteFrom('resource_bookings').where('appointment_id', '=', appointmentId).execute();
    await trx
      .insertInto('resource_bookings')
      .values({
        appointment_id: appointmentId,
        resource_id: claimed.resource_id,
        booking_date: span.date,
        start_time: span.start,
        end_time: span.end,
      })
      .execute();
  } catch (error) {
    if (isOverlapRefusal(error, 'resource_bookings'))
      throw busy(`${claimed.name} was just booked at another desk. Choose another one or another time.`);
    throw error;
  }
  await trx
    .updateTable('appointments')
    .set({ resource_id: claimed.resource_id })
    .where('appointment_id', '=', appointmentId)
    .execute();
  return { resourceId: claimed.resource_id, name: claimed.name };
}

/** Lets go of the resources of appointments that no longer hold their time (cancelled, no-show). */
export async function releaseResources(trx: Tx, appointmentIds: readonly number[]): Promise<void> {
  if (appointmentIds.length === 0) return;
  await trx
    .deleteFrom('resource_bookings')
    .where('appointment_id', 'in', [...appointmentIds])
    .execute();
}
