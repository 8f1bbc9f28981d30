import { createHash } from 'node:crypto';
import type { Tx } from '#db/tx.ts';
import type { MergeMoves } from '#contract/patient-merge.ts';
import type { PatientRecordRows } from './merge-fields.ts';

// Everything a merge touches, read the same way right after the merge and again at undo: when
// any of it differs, something has touched the records or the moved rows since, and undo would
// overwrite that work, so it is refused (see the undo in merge.ts).

export async function recordRows(trx: Tx, patientId: number): Promise<PatientRecordRows | null> {
  const [user, patient] = await Promise.all([
    trx
      .selectFrom('users')
      .selectAll()
      .where('user_id', '=', patientId)
      .where('role', '=', 'patient')
      .executeTakeFirst(),
    trx.selectFrom('patients').selectAll().where('patient_id', '=', patientId).executeTakeFirst(),
  ]);
  return user && patient ? { user, patient } : null;
}

async function appointmentIdsOf(trx: Tx, patientIds: readonly number[]): Promise<number[]> {
  const rows = await trx
    .selectFrom('appointments')
    .select('appointment_id')
    .where('patient_id', 'in', patientIds)
    .orderBy('appointment_id')
    .execute();
  return rows.map((r) => r.appointment_id);
}

async function chatIdsOf(trx: Tx, patientIds: readonly number[]): Promise<number[]> {
  const rows = await trx
    .selectFrom('chats')
    .select('chat_id')
    .where('patient_id', 'in', patientIds)
    .orderBy('chat_id')
    .execute();
  return rows.map((r) => r.chat_id);
}

/** What would move from the merged record (counted before the merge). */
export async function countMoves(trx: Tx, keptId: number, mergedId: number): Promise<MergeMoves> {
  const appointments = await appointmentIdsOf(trx, [mergedId]);
  const some = appointments.length > 0 ? appointments : [0];
  const count = async (table: 'appointment_reschedules' | 'payments' | 'payment_ledger' | 'receipts') =>
    Number(
      (
        await trx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('appointment_id', 'in', some)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const waitlist = await trx.selectFrom('waitlist').select('waitlist_id').where('patient_id', '=', mergedId).execute();
  const chats = await trx
    .selectFrom('chats')
    .select(['chat_id', 'doctor_id'])
    .where('patient_id', '=', mergedId)
    .execute();
  const keptDoctors = new Set(
    (await trx.selectFrom('chats').select('doctor_id').where('patient_id', '=', keptId).execute()).map(
      (c) => c.doctor_id,
    ),
  );
  const chatIds = chats.length > 0 ? chats.map((c) => c.chat_id) : [0];
  const messages = await trx
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('chat_id', 'in', chatIds)
    .executeTakeFirstOrThrow();
  const joined = chats.filter((c) => keptDoctors.has(c.doctor_id)).length;
  return {
    appointments: appointments.length,
    reschedules: await count('appointment_reschedules'),
    payments: await count('payments'),
    ledgerEntries: await count('payment_ledger'),
    receipts: await count('receipts'),
    waitlistEntries: waitlist.length,
    threadsMoved: chats.length - joined,
    threadsJoined: joined,
    messages: Number(messages.n),
  };
}

/** The parts of a merge's reach, each read in a fixed order; names as the undo refusal says them. */
export const SCOPE_PARTS = {
  records: 'the patient records',
  appointments: 'appointments',
  money: 'payments or receipts',
  waitlist: 'waitlist entries',
  messages: 'messages',
  links: 'linked records (guardians, earlier merges, series)',
} as const;
type ScopePart = keyof typeof SCOPE_PARTS;
export type ScopeDigest = Record<ScopePart, string>;

const digestOf = (rows: unknown): string => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

/** A fingerprint of every row linked to either record, part by part. */
export async function scopeDigest(trx: Tx, keptId: number, mergedId: number): Promise<ScopeDigest> {
  const ids = [keptId, mergedId];
  const appointmentIds = await appointmentIdsOf(trx, ids);
  const visits = appointmentIds.length > 0 ? appointmentIds : [0];
  const chatIds = await chatIdsOf(trx, ids);
  const threads = chatIds.length > 0 ? chatIds : [0];
  return {
    records: digestOf([
      await trx.selectFrom('users').selectAll().where('user_id', 'in', ids).orderBy('user_id').execute(),
      await trx.selectFrom('patients').selectAll().where('patient_id', 'in', ids).orderBy('patient_id').execute(),
    ]),
    appointments: digestOf([
      appointmentIds,
      await trx
        .selectFrom('appointments')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('appointment_id')
        .execute(),
      await trx
        .selectFrom('appointment_reschedules')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('reschedule_id')
        .execute(),
      await trx
        .selectFrom('appointment_status_history')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('history_id')
        .execute(),
      await trx
        .selectFrom('appointment_call_marks')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('mark_id')
        .execute(),
    ]),
    money: digestOf([
      await trx
        .selectFrom('payments')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('payment_id')
        .execute(),
      await trx
        .selectFrom('payment_ledger')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('entry_id')
        .execute(),
      await trx
        .selectFrom('receipts')
        .selectAll()
        .where('appointment_id', 'in', visits)
        .orderBy('receipt_id')
        .execute(),
    ]),
    waitlist: digestOf(
      await trx.selectFrom('waitlist').selectAll().where('patient_id', 'in', ids).orderBy('waitlist_id').execute(),
    ),
    messages: digestOf([
      await trx.selectFrom('chats').selectAll().where('chat_id', 'in', threads).orderBy('chat_id').execute(),
      await trx.selectFrom('chat_messages').selectAll().where('chat_id', 'in', threads).orderBy('message_id').execute(),
      await trx
        .selectFrom('chat_read_markers')
        .selectAll()
        .where('chat_id', 'in', threads)
        .orderBy('chat_id')
        .orderBy('user_id')
        .execute(),
    ]),
    links: digestOf([
      await trx
        .selectFrom('patients')
        .select(['patient_id', 'merged_into_patient_id', 'guardian_patient_id'])
        .where((eb) => eb.or([eb('merged_into_patient_id', 'in', ids), eb('guardian_patient_id', 'in', ids)]))
        .orderBy('patient_id')
        .execute(),
      await trx
        .selectFrom('appointment_series')
        .selectAll()
        .where('patient_id', 'in', ids)
        .orderBy('series_id')
        .execute(),
    ]),
  };
}

/** The parts whose rows differ from the fingerprint taken right after the merge. */
export function changedParts(before: ScopeDigest, now: ScopeDigest): string[] {
  return (Object.keys(SCOPE_PARTS) as ScopePart[]).filter((p) => before[p] !== now[p]).map((p) => SCOPE_PARTS[p]);
}
