import { sql, type Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import type { PlannedChat } from './chats.ts';
import { writeSeedLedger } from './payments.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import type { NewSeedSlot, PlannedAppointment, SeedSlot } from './schedule.ts';

/** Rows per multi-row INSERT: well under SQLite's (and PostgreSQL's) bound-parameter limits. */
const ROWS_PER_INSERT = 500;

function chunks<T>(rows: readonly T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Inserts the history slots, skipping any that would overlap a slot the doctor already has. */
async function insertPastSlots(trx: Tx, slots: readonly NewSeedSlot[]): Promise<void> {
  const doctorIds = [...new Set(slots.map((s) => s.doctorId))];
  const dates = slots.map((s) => s.date).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (doctorIds.length === 0 || first === undefined || last === undefined) return;
  const stored = await trx
    .selectFrom('doctor_availability')
    .select(['doctor_id', 'available_date', 'start_time', 'end_time'])
    .where('doctor_id', 'in', doctorIds)
    .where('available_date', '>=', first)
    .where('available_date', '<=', last)
    .execute();
  const taken = new Map<string, [string, string][]>();
  for (const s of stored) {
    const key = `${s.doctor_id}|${s.available_date}`;
    taken.set(key, [...(taken.get(key) ?? []), [s.start_time, s.end_time]]);
  }
  const fresh = slots.filter(
    (s) => !(taken.get(`${s.doctorId}|${s.date}`) ?? []).some(([start, end]) => start < s.end && s.start < end),
  );
  for (const rows of chunks(fresh)) {
    await trx
      .insertInto('doctor_availability')
      .values(
        rows.map((s) => ({
          doctor_id: s.doctorId,
          available_date: s.date,
          start_time: s.start,
          end_time: s.end,
          is_booked: 0 as const,
          source: 'template' as const,
          blocked_reason: null,
          blocked_by: null,
        })),
      )
      .execute();
  }
}

/**
 * The doctors' slots on [from, to] that may be booked, in (doctor, date, start) order: not
 * blocked, never booked (not even a cancelled appointment) and not inside the doctor's leave.
 */
async function bookableSlots(trx: Tx, doctorIds: readonly number[], from: string, to: string): Promise<SeedSlot[]> {
  if (doctorIds.length === 0) return [];
  const rows = await trx
    .selectFrom('doctor_availability as s')
    .select(['s.availability_id', 's.doctor_id', 's.available_date', 's.start_time', 's.end_time'])
    .where('s.doctor_id', 'in', [...doctorIds])
    .where('s.available_date', '>=', from)
    .where('s.available_date', '<=', to)
    .where('s.blocked_reason', 'is', null)
    .where('s.is_booked', '=', 0)
    .where('s.availability_id', 'not in', (eb) =>
      eb
        .selectFrom('appointments')
        .select('availability_id')
        .where('doctor_id', 'in', [...doctorIds]),
    )
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('schedule_exceptions as e')
            .select(sql.lit(1).as('one'))
            .where('e.kind', '=', 'leave')
            .whereRef('e.doctor_id', '=', 's.doctor_id')
            .whereRef('e.start_date', '<=', 's.available_date')
            .whereRef('e.end_date', '>=', 's.available_date')
            .where((eb) =>
              eb.or([
                eb('e.start_time', 'is', null),
                eb.and([eb('e.start_time', '<', eb.ref('s.end_time')), eb('e.end_time', '>', eb.ref('s.start_time'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('s.doctor_id')
    .orderBy('s.available_date')
    .orderBy('s.start_time')
    .execute();
  return rows.map((r) => ({
    availabilityId: r.availability_id,
    doctorId: r.doctor_id,
    date: r.available_date,
    start: r.start_time,
    end: r.end_time,
  }));
}

/** One slot never has two appointments booked at the same instant, so this names each one. */
const bookingKey = (availabilityId: number, createdAt: string): string => `${availabilityId}|${createdAt}`;

/** Multi-row inserts: one prepared statement per 500 appointments instead of one per row. */
async function insertAppointments(trx: Tx, appointments: readonly PlannedAppointment[]): Promise<void> {
  const ids = new Map<string, number>();
  for (const rows of chunks(appointments)) {
    const stored = await trx
      .insertInto('appointments')
      .values(
        rows.map((a) => ({
          doctor_id: a.doctorId,
          patient_id: a.patientId,
          availability_id: a.slot.availabilityId,
          // Copied from the slot, as booking does.
          appointment_date: a.slot.date,
          appointment_time: a.slot.start,
          status: a.status,
          created_at: a.createdAt,
        })),
      )
      .returning(['appointment_id', 'availability_id', 'created_at'])
      .execute();
    for (const r of stored) ids.set(bookingKey(r.availability_id, r.created_at), r.appointment_id);
  }
  const idOf = (a: PlannedAppointment): number => {
    const id = ids.get(bookingKey(a.slot.availabilityId, a.createdAt));
    if (id === undefined) throw new Error('A seeded appointment was not stored.');
    return id;
  };
  if (ids.size !== appointments.length) throw new Error('Two seeded appointments share a slot and a booking time.');
  const payments = appointments.map((a) => ({
    appointment_id: idOf(a),
    amount: a.payment.amount,
    payment_method: a.payment.method,
    payment_status: a.payment.status,
    transaction_date: a.payment.transactionDate,
  }));
  const reschedules = appointments.flatMap((a) =>
    a.reschedule
      ? [
          {
            appointment_id: idOf(a),
            old_date: a.reschedule.oldDate,
            old_time: a.reschedule.oldTime,
            new_date: a.slot.date,
            new_time: a.slot.start,
            reason: a.reschedule.reason,
            rescheduled_at: a.reschedule.rescheduledAt,
          },
        ]
      : [],
  );
  for (const rows of chunks(payments)) await trx.insertInto('payments').values(rows).execute();
  for (const rows of chunks(reschedules)) await trx.insertInto('appointment_reschedules').values(rows).execute();
}

/**
 * is_booked = "has an active appointment", set from the appointments themselves. The status
 * test is written exactly like the partial unique index's WHERE, with literals (a bound
 * parameter would not match it and SQLite would scan every appointment per slot).
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
                .where(
                  'appointments.status',
                  'not in',
                  INACTIVE_STATUSES.map((s) => sql.lit(s)),
                ),
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

export interface BookingWrite {
  /** History slots (before the start date) to insert first. */
  pastSlots: readonly NewSeedSlot[];
  doctorIds: readonly number[];
  /** The dates whose free slots get appointments. */
  from: string;
  to: string;
  /** Plans the appointments and chats on the bookable slots. */
  plan: (slots: readonly SeedSlot[]) => { appointments: PlannedAppointment[]; chats: PlannedChat[] };
}

/**
 * Writes the history slots, then the appointments planned on the bookable slots, and the
 * chats, in one BEGIN IMMEDIATE transaction; `finish` runs last in the same transaction (the
 * caller writes its audit row there).
 */
export async function writeSchedule(
  db: Kysely<Database>,
  booking: BookingWrite,
  finish: (trx: Tx) => Promise<void>,
): Promise<void> {
  await writeTx(db, async (trx) => {
    await insertPastSlots(trx, booking.pastSlots);
    const slots = await bookableSlots(trx, booking.doctorIds, booking.from, booking.to);
    const { appointments, chats } = booking.plan(slots);
    await insertAppointments(trx, appointments);
    await writeSeedLedger(trx);
    await syncIsBooked(
      trx,
      appointments.map((a) => a.slot.availabilityId),
    );
    await insertChats(trx, chats);
    await finish(trx);
  });
}
