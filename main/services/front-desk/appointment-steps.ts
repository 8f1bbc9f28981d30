import type { Kysely } from 'kysely';
import type { AppointmentStatus, Database } from '#db/schema.ts';
import { hotQuery } from '#db/hot-query.ts';
import type { Tx } from '#db/tx.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../core/context.ts';

// An appointment's status history: the words for each status in messages, writing a step and
// reading the steps back for the appointment's page.

export const STATUS_WORDS: Record<AppointmentStatus, string> = {
  scheduled: 'scheduled',
  checked_in: 'checked in',
  in_consultation: 'in consultation',
  completed: 'completed',
  cancelled: 'cancelled',
  no_show: 'a no-show',
};

/** An appointment's steps, read on every lookup: compiled once. */
const stepsOf = hotQuery((db, appointmentId: number) =>
  db
    .selectFrom('appointment_status_history as h')
    .leftJoin('users as u', 'u.user_id', 'h.changed_by')
    .select(['h.from_status', 'h.to_status', 'h.reason', 'h.changed_at', 'h.undoes_history_id', 'u.name'])
    .where('h.appointment_id', '=', appointmentId)
    .orderBy('h.history_id'),
);

const insertStep = hotQuery(
  (
    db,
    appointmentId: number,
    from: AppointmentStatus | null,
    to: AppointmentStatus,
    reason: string | null,
    changedBy: number,
    changedAt: string,
    undoes: number | null,
  ) =>
    db.insertInto('appointment_status_history').values({
      appointment_id: appointmentId,
      from_status: from,
      to_status: to,
      reason,
      changed_by: changedBy,
      changed_at: changedAt,
      undoes_history_id: undoes,
    }),
);

/** Writes one status step (who, when, why; `undoes` for an admin's undo) in the caller's transaction. */
export function stepRecorder(clock: Clock) {
  return async function recordStep(
    trx: Tx,
    actor: Actor,
    appointmentId: number,
    from: AppointmentStatus | null,
    to: AppointmentStatus,
    reason: string | null,
    undoes: number | null = null,
  ): Promise<void> {
    await insertStep(trx, appointmentId, from, to, reason, actor.userId, clock.now().toISOString(), undoes);
  };
}

type StepRecord = Awaited<ReturnType<typeof stepsOf>>[number];

/** One step as the appointment's page shows it, from a row of `stepsOf`'s shape. */
export const toHistoryStep = (s: StepRecord) => ({
  fromStatus: s.from_status,
  toStatus: s.to_status,
  reason: s.reason,
  changedBy: s.name,
  changedAt: s.changed_at,
  isUndo: s.undoes_history_id !== null,
});

/** The steps of one appointment, oldest first, with who made each. */
export async function readHistory(db: Kysely<Database>, appointmentId: number) {
  return (await stepsOf(db, appointmentId)).map(toHistoryStep);
}
