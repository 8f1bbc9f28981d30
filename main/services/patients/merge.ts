import { writeTx, type Tx } from '#db/tx.ts';
import { MERGE_FIELDS, type MergeField, type MergeMoves, type MergePreview } from '#contract/patient-merge.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, staleRecord } from '../core/errors.ts';
import { moveThreads, restoreThreads, type ThreadMoves } from './merge-chats.ts';
import { chosenValues, fieldText, type PatientRecordRows } from './merge-fields.ts';
import { changedParts, countMoves, recordRows, scopeDigest, type ScopeDigest } from './merge-scope.ts';
import { patientNumber } from './patient-number.ts';

// Merging a duplicate patient into the kept record, in one transaction, and an admin's undo.
// Payments, ledger entries, receipts and reschedule history belong to appointments, so they
// move with them (the ledger is append-only and never rewritten); the rows that point at a
// patient directly (appointments, waitlist, series, threads, guardian links, older tombstones)
// are re-pointed, and their ids kept so undo moves exactly those back.

export interface MergeInput {
  keptPatientId: number;
  mergedPatientId: number;
  keptVersion: number;
  mergedVersion: number;
  choices: Partial<Record<MergeField, 'kept' | 'merged'>>;
}

/** Ids moved from the merged record to the kept one, per table. */
interface MovedRows extends ThreadMoves {
  appointments: number[];
  waitlist: number[];
  series: number[];
  tombstones: number[];
  children: number[];
}

const side = (rows: PatientRecordRows) => ({
  patientId: rows.patient.patient_id,
  patientNumber: patientNumber(rows.patient.patient_id),
  name: rows.user.name,
  version: rows.patient.version,
});

async function liveRecord(trx: Tx, patientId: number, field: 'keptPatientId' | 'mergedPatientId') {
  const rows = await recordRows(trx, patientId);
  if (!rows)
    throw new AppError('VALIDATION', 'Choose a registered patient.', { [field]: 'Choose a registered patient.' });
  const into = rows.patient.merged_into_patient_id;
  if (into !== null) {
    const message = `${patientNumber(patientId)} was already merged into ${patientNumber(into)}. Choose that record.`;
    throw new AppError('VALIDATION', message, { [field]: message });
  }
  return rows;
}

async function bothRecords(trx: Tx, keptId: number, mergedId: number) {
  return {
    kept: await liveRecord(trx, keptId, 'keptPatientId'),
    merged: await liveRecord(trx, mergedId, 'mergedPatientId'),
  };
}

/** Re-points one table's rows from the merged record to the kept one, returning their ids. */
async function repoint(
  trx: Tx,
  table: 'appointments' | 'waitlist' | 'appointment_series',
  id: 'appointment_id' | 'waitlist_id' | 'series_id',
  keptId: number,
  mergedId: number,
): Promise<number[]> {
  const rows = (await trx
    .selectFrom(table)
    .select(id)
    .where('patient_id', '=', mergedId)
    .orderBy(id)
    .execute()) as Record<typeof id, number>[];
  const ids = rows.map((r) => r[id]);
  if (ids.length > 0) {
    await trx.updateTable(table).set({ patient_id: keptId }).where('patient_id', '=', mergedId).execute();
  }
  return ids;
}

async function putBack(
  trx: Tx,
  table: 'appointments' | 'waitlist' | 'appointment_series',
  id: 'appointment_id' | 'waitlist_id' | 'series_id',
  ids: readonly number[],
  mergedId: number,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable(table)
    .set({ patient_id: mergedId })
    .where(id as 'appointment_id', 'in', ids)
    .execute();
}

/** The moved visits as the desks' "appointment changed" event tells them (sent after commit). */
async function changedAppointments(trx: Tx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('appointments')
    .select(['appointment_id', 'doctor_id', 'appointment_date', 'status'])
    .where('appointment_id', 'in', ids)
    .orderBy('appointment_id')
    .execute();
  return rows.map((r) => ({
    appointmentId: r.appointment_id,
    doctorId: r.doctor_id,
    date: r.appointment_date,
    status: r.status,
  }));
}

/** Writes a record back exactly as its before-image has it (a merge changes only these users columns). */
async function restoreRecord(trx: Tx, rows: PatientRecordRows): Promise<void> {
  const { user_id: userId, name, phone, email, updated_at } = rows.user;
  const { patient_id: patientId, user_role: _role, ...patient } = rows.patient;
  await trx.updateTable('users').set({ name, phone, email, updated_at }).where('user_id', '=', userId).execute();
  await trx.updateTable('patients').set(patient).where('patient_id', '=', patientId).execute();
}

export function createPatientMergeService({ db, clock }: ServiceDeps) {
  async function preview(keptId: number, mergedId: number): Promise<MergePreview> {
    const { kept, merged } = await bothRecords(db, keptId, mergedId);
    const fields = MERGE_FIELDS.map((field) => {
      const keptText = fieldText(field, kept);
      const mergedText = fieldText(field, merged);
      return { field, kept: keptText, merged: mergedText, differs: keptText !== mergedText };
    });
    return { kept: side(kept), merged: side(merged), fields, moves: await countMoves(db, keptId, mergedId) };
  }

  async function merge(actor: Actor, input: MergeInput) {
    const { keptPatientId: keptId, mergedPatientId: mergedId } = input;
    return writeTx(db, async (trx) => {
      const { kept, merged } = await bothRecords(trx, keptId, mergedId);
      if (kept.patient.version !== input.keptVersion || merged.patient.version !== input.mergedVersion) {
        throw staleRecord('patient');
      }
      const moves: MergeMoves = await countMoves(trx, keptId, mergedId);
      const at = clock.now().toISOString();
      // The merge row comes first: it is what lets the joined threads' messages change thread.
      const { merge_id: mergeId } = await trx
        .insertInto('patient_merges')
        .values({
          kept_patient_id: keptId,
          merged_patient_id: mergedId,
          merged_by: actor.userId,
          merged_at: at,
          kept_before_json: JSON.stringify(kept),
          merged_before_json: JSON.stringify(merged),
          moved_json: '{}',
          after_digest: '{}',
        })
        .returning('merge_id')
        .executeTakeFirstOrThrow();

      const chosen = chosenValues(kept, merged, input.choices);
      await trx
        .updateTable('users')
        .set({ ...chosen.user, updated_at: at })
        .where('user_id', '=', keptId)
        .execute();
      await trx
        .updateTable('patients')
        .set({ ...chosen.patient, version: kept.patient.version + 1 })
        .where('patient_id', '=', keptId)
        .execute();
      await trx
        .updateTable('patients')
        // A tombstone is nobody's child: the guardian's page lists the kept record instead.
        .set({ merged_into_patient_id: keptId, guardian_patient_id: null, version: merged.patient.version + 1 })
        .where('patient_id', '=', mergedId)
        .execute();

      const moved: MovedRows = {
        appointments: await repoint(trx, 'appointments', 'appointment_id', keptId, mergedId),
        waitlist: await repoint(trx, 'waitlist', 'waitlist_id', keptId, mergedId),
        series: await repoint(trx, 'appointment_series', 'series_id', keptId, mergedId),
        tombstones: await repointPatients(trx, 'merged_into_patient_id', keptId, mergedId),
        children: await repointPatients(trx, 'guardian_patient_id', keptId, mergedId),
        ...(await moveThreads(trx, keptId, mergedId, at)),
      };
      const digest = await scopeDigest(trx, keptId, mergedId);
      await trx
        .updateTable('patient_merges')
        .set({ moved_json: JSON.stringify(moved), after_digest: JSON.stringify(digest) })
        .where('merge_id', '=', mergeId)
        .execute();
      const after = await recordRows(trx, keptId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'patient.merge',
        entity: 'patient',
        entityId: keptId,
        before: { kept, merged },
        after: { mergeId, kept: after, mergedInto: keptId, moves, choices: input.choices },
      });
      return {
        mergeId,
        keptPatientId: keptId,
        mergedPatientId: mergedId,
        moves,
        changedAppointments: await changedAppointments(trx, moved.appointments),
      };
    });
  }

  async function undo(actor: Actor, mergeId: number) {
    return writeTx(db, async (trx) => {
      const row = await trx.selectFrom('patient_merges').selectAll().where('merge_id', '=', mergeId).executeTakeFirst();
      if (!row) throw new AppError('VALIDATION', 'Choose a merge to undo.', { mergeId: 'Choose a merge to undo.' });
      if (row.undone_at !== null) throw new AppError('CONFLICT', 'This merge was already undone.');
      const { kept_patient_id: keptId, merged_patient_id: mergedId } = row;
      const changed = changedParts(
        JSON.parse(row.after_digest) as ScopeDigest,
        await scopeDigest(trx, keptId, mergedId),
      );
      if (changed.length > 0) {
        throw new AppError(
          'CONFLICT',
          `This merge can no longer be undone: ${changed.join(', ')} changed after it. Correct the record by hand instead.`,
        );
      }
      // The records first: rows may point at the merged record only once it is live again.
      const keptBefore = JSON.parse(row.kept_before_json) as PatientRecordRows;
      const mergedBefore = JSON.parse(row.merged_before_json) as PatientRecordRows;
      await restoreRecord(trx, keptBefore);
      await restoreRecord(trx, mergedBefore);
      const moved = JSON.parse(row.moved_json) as MovedRows;
      await restoreThreads(trx, mergedId, moved);
      await putBack(trx, 'appointments', 'appointment_id', moved.appointments, mergedId);
      await putBack(trx, 'waitlist', 'waitlist_id', moved.waitlist, mergedId);
      await putBack(trx, 'appointment_series', 'series_id', moved.series, mergedId);
      await putBackPatients(trx, 'merged_into_patient_id', moved.tombstones, mergedId);
      await putBackPatients(trx, 'guardian_patient_id', moved.children, mergedId);
      const at = clock.now().toISOString();
      await trx
        .updateTable('patient_merges')
        .set({ undone_at: at, undone_by: actor.userId })
        .where('merge_id', '=', mergeId)
        .execute();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'patient.undoMerge',
        entity: 'patient',
        entityId: keptId,
        before: { mergeId },
        after: { kept: keptBefore, merged: mergedBefore },
      });
      return {
        mergeId,
        keptPatientId: keptId,
        mergedPatientId: mergedId,
        changedAppointments: await changedAppointments(trx, moved.appointments),
      };
    });
  }

  /** A tombstone's kept record (its page says so and links there). */
  async function mergedInto(patientId: number) {
    const row = await db
      .selectFrom('patients')
      .select('merged_into_patient_id')
      .where('patient_id', '=', patientId)
      .executeTakeFirst();
    const kept = row?.merged_into_patient_id ?? null;
    return kept === null ? null : { keptPatientId: kept, keptPatientNumber: patientNumber(kept) };
  }

  return { preview, merge, undo, mergedInto };
}

/** Other patients pointing at the merged record (older tombstones, children) now point at the kept one. */
async function repointPatients(
  trx: Tx,
  column: 'merged_into_patient_id' | 'guardian_patient_id',
  keptId: number,
  mergedId: number,
): Promise<number[]> {
  const rows = await trx
    .selectFrom('patients')
    .select('patient_id')
    .where(column, '=', mergedId)
    .where('patient_id', '!=', keptId)
    .orderBy('patient_id')
    .execute();
  const ids = rows.map((r) => r.patient_id);
  if (ids.length > 0) {
    await trx
      .updateTable('patients')
      .set({ [column]: keptId })
      .where('patient_id', 'in', ids)
      .execute();
  }
  return ids;
}

async function putBackPatients(
  trx: Tx,
  column: 'merged_into_patient_id' | 'guardian_patient_id',
  ids: readonly number[],
  mergedId: number,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('patients')
    .set({ [column]: mergedId })
    .where('patient_id', 'in', ids)
    .execute();
}

export type PatientMergeService = ReturnType<typeof createPatientMergeService>;
