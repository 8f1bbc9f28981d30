import type { Kysely } from 'kysely';
import type { Appointment } from '#contract/front-desk.ts';
import type { Database } from '#db/schema.ts';
import { INACTIVE_STATUSES, isSlotFreeing } from '#shared/statuses.ts';

/**
 * Why each cancelled or no-show appointment ended so (its last such step's reason), for the
 * patient page's history; appointments in any other status have none.
 */
export async function withStatusReasons(
  db: Kysely<Database>,
  appointments: readonly Appointment[],
): Promise<(Appointment & { statusReason: string | null })[]> {
  const ended = appointments.filter((a) => isSlotFreeing(a.status)).map((a) => a.appointmentId);
  const reasons = new Map<number, string | null>();
  if (ended.length > 0) {
    const steps = await db
      .selectFrom('appointment_status_history')
      .select(['appointment_id', 'reason'])
      .where('appointment_id', 'in', ended)
      .where('to_status', 'in', INACTIVE_STATUSES)
      .orderBy('history_id')
      .execute();
    for (const step of steps) reasons.set(step.appointment_id, step.reason);
  }
  return appointments.map((a) => ({ ...a, statusReason: reasons.get(a.appointmentId) ?? null }));
}
