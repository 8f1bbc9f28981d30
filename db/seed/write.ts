import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { writeTx, type Tx } from '../tx.ts';
import type { PlannedChat } from './chats.ts';
import { INACTIVE_STATUSES, type SchedulePlan } from './schedule.ts';

/** Rows per multi-row INSERT: well under SQLite's (and PostgreSQL's) bound-parameter limits. */
const ROWS_PER_INSERT = 500;

function chunks<T>(rows: readonly T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const slotKey = (doctorId: number, date: string, start: string): string => `${doctorId}|${date}|${start}`;

async function insertSlots(trx: Tx, plan: SchedulePlan): Promise<number[]> {
  for (const rows of chunks(plan.slots)) {
    await trx
      .insertInto('doctor_availability')
      .values(
        rows.map((s) => ({
          doctor_id: s.doctorId,
          available_date: s.date,
          start_time: s.start,
          end_time: s.end,
          is_booked: 0 as const,
        })),
      )
      // A slot that already exists (same doctor, day and start) is reused, never duplicated.
      .onConflict((oc) => oc.columns(['doctor_id', 'available_date', 'start_time']).doNothing())
      .execute();
  }
  const doctorIds = [...new Set(plan.slots.map((s) => s.doctorId))];
  const dates = plan.slots.map((s) => s.date).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (doctorIds.length === 0 || first === undefined || last === undefined) return [];
  const stored = await trx
    .selectFrom('doctor_availability')
    .select(['availability_id', 'doctor_id', 'available_date', 'start_time'])
    .where('doctor_id', 'in', doctorIds)
    .where('available_date', '>=', first)
    .where('available_date', '<=', last)
    .execute();
  const ids = new Map(stored.map((s) => [slotKey(s.doctor_id, s.available_date, s.start_time), s.availability_id]));
  return plan.slots.map((s) => {
    const id = ids.get(slotKey(s.doctorId, s.date, s.start));
    if (id === undefined) throw new Error('A seeded slot was not stored.');
    return id;
  });
}

async function insertAppointments(trx: Tx, plan: SchedulePlan, slotIds: readonly number[]): Promise<void> {
  const payments = [];
  const reschedules = [];
  for (const a of plan.appointments) {
    const slot = plan.slots[a.slot];
    const availabilityId = slotIds[a.slot];
    if (!slot || availabilityId === undefined) throw new Error('An appointment points at an unknown slot.');
    const { appointment_id: appointmentId } = await trx
      .insertInto('appointments')
      .values({
        doctor_id: a.doctorId,
        patient_id: a.patientId,
        availability_id: availabilityId,
        // Copied from the slot, as booking does.
        appointment_date: slot.date,
        appointment_time: slot.start,
        status: a.status,
        created_at: a.createdAt,
      })
      .returning('appointment_id')
      .executeTakeFirstOrThrow();
    payments.push({
      appointment_id: appointmentId,
      amount: a.payment.amount,
      payment_method: a.payment.method,
      payment_status: a.payment.status,
      transaction_date: a.payment.transactionDate,
    });
    if (a.reschedule) {
      reschedules.push({
        appointment_id: appointmentId,
        old_date: a.reschedule.oldDate,
        old_time: a.reschedule.oldTime,
        new_date: slot.date,
        new_time: slot.start,
        reason: a.reschedule.reason,
        rescheduled_at: a.reschedule.rescheduledAt,
      });
    }
  }
  for (const rows of chunks(payments)) await trx.insertInto('payments').values(rows).execute();
  for (const rows of chunks(reschedules)) await trx.insertInto('appointment_reschedules').values(rows).execute();
}

/**
 * is_booked = "has an active appointment", set from the appointments themselves. The status
 * test is written exactly like the partial unique index's WHERE, so SQLite searches that index.
 */
async function syncIsBooked(trx: Tx, slotIds: readonly number[]): Promise<void> {
  for (const ids of chunks([...new Set(slotIds)])) {
    await trx
      .updateTable('doctor_availability')
      .set((eb) => ({
        is_booked: eb
          .case()
          .when(
            eb.exists(
              eb
                .selectFrom('appointments')
                .select(sql.lit(1).as('one'))
                .whereRef('appointments.availability_id', '=', 'doctor_availability.availability_id')
                .where('appointments.status', 'not in', INACTIVE_STATUSES),
            ),
          )
          .then(sql.lit<1>(1))
          .else(sql.lit<0>(0))
          .end(),
      }))
      .where('availability_id', 'in', ids)
      .execute();
  }
}

async function insertChats(trx: Tx, chats: readonly PlannedChat[]): Promise<void> {
  const messages = [];
  for (const chat of chats) {
    const last = chat.messages.at(-1);
    if (!last) continue;
    const { chat_id: chatId } = (await trx
      .insertInto('chats')
      .values({
        doctor_id: chat.doctorId,
        patient_id: chat.patientId,
        last_message: last.text,
        updated_at: last.sentAt,
      })
      // One chat per (doctor, patient): an existing one keeps its history.
      .onConflict((oc) => oc.columns(['doctor_id', 'patient_id']).doNothing())
      .returning('chat_id')
      .executeTakeFirst()) ?? { chat_id: null };
    if (chatId === null) continue;
    for (const m of chat.messages)
      messages.push({ chat_id: chatId, sender_id: m.senderId, message_text: m.text, sent_at: m.sentAt });
  }
  for (const rows of chunks(messages)) await trx.insertInto('chat_messages').values(rows).execute();
}

/**
 * Writes the planned schedule and chats in one BEGIN IMMEDIATE transaction; `finish` runs
 * last in the same transaction (the caller writes its audit row there).
 */
export async function writeSchedule(
  db: Kysely<Database>,
  plan: SchedulePlan,
  chats: readonly PlannedChat[],
  finish: (trx: Tx) => Promise<void>,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const slotIds = await insertSlots(trx, plan);
    await insertAppointments(trx, plan, slotIds);
    await syncIsBooked(trx, slotIds);
    await insertChats(trx, chats);
    await finish(trx);
  });
}
