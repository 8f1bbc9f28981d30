import type { Tx } from '#db/tx.ts';
import { writeAudit } from '../core/audit.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../core/context.ts';
import { syncIsBooked } from '../schedule/index.ts';
import { releaseTime } from '../resources/index.ts';

/** Cancels appointments with a reason, frees their slots and audits each, inside the caller's transaction. */
export async function cancelAppointments(
  trx: Tx,
  clock: Clock,
  actor: Actor,
  appointmentIds: readonly number[],
  reason: string,
): Promise<void> {
  if (appointmentIds.length === 0) return;
  const rows = await trx
    .selectFrom('appointments')
    .select(['appointment_id', 'availability_id', 'status'])
    .where('appointment_id', 'in', appointmentIds)
    .where('status', 'in', ['scheduled', 'checked_in'])
    .execute();
  if (rows.length === 0) return;
  await trx
    .updateTable('appointments')
    .set({ status: 'cancelled' })
    .where(
      'appointment_id',
      'in',
      rows.map((r) => r.appointment_id),
    )
    .execute();
  await syncIsBooked(
    trx,
    rows.map((r) => r.availability_id),
  );
  await releaseTime(
    trx,
    rows.map((r) => r.appointment_id),
    rows.map((r) => r.availability_id),
  );
  // The status step too, so the reason shows where the desk looks (board, patient page).
  const changedAt = clock.now().toISOString();
  await trx
    .insertInto('appointment_status_history')
    .values(
      rows.map((r) => ({
        appointment_id: r.appointment_id,
        from_status: r.status,
        to_status: 'cancelled' as const,
        reason,
        changed_by: actor.userId,
        changed_at: changedAt,
      })),
    )
    .execute();
  for (const row of rows) {
    await writeAudit(trx, clock, {
      userId: actor.userId,
      action: 'appointment.cancel',
      entity: 'appointment',
      entityId: row.appointment_id,
      before: { status: row.status },
      after: { status: 'cancelled', reason },
    });
  }
}
