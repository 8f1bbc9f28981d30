import type { DuplicateChoice } from '#contract/patient-import.ts';
import type { Tx } from '#db/tx.ts';
import type { Clock } from '../core/clock.ts';
import { writeAudit } from '../core/audit.ts';
import { patientNumber } from '../patients/index.ts';
import type { DuplicateFinder, ExistingPatient } from './duplicates.ts';
import type { ReportLine } from './report.ts';
import type { CheckedRow } from './rows.ts';
import { batchWriter } from './write-batch.ts';

// One batch of the import, inside its one transaction: each row imported, merged into the
// patient it duplicates, or skipped with the reason; the import's counts and an audit row in
// the same transaction, so a batch is written whole or not at all.

export interface BatchContext {
  trx: Tx;
  clock: Clock;
  actorId: number;
  importId: number;
  today: string;
  duplicates: DuplicateChoice;
  finder: DuplicateFinder;
  /** Existing patients the batch's rows duplicate, looked up before the transaction. */
  existing: ReadonlyMap<number, ExistingPatient>;
}

const problemText = (r: CheckedRow): string => r.problems.map((p) => `${p.field}: ${p.message}`).join(' ');

export async function writeBatch(batch: readonly CheckedRow[], ctx: BatchContext): Promise<ReportLine[]> {
  const { trx, finder } = ctx;
  const writer = batchWriter(trx, ctx.clock, ctx.actorId, ctx.today);
  const lines: ReportLine[] = [];
  const importedIds: number[] = [];
  for (const r of batch) {
    if (!r.values) {
      lines.push({ row: r.row, outcome: 'skipped', patientNumber: null, name: r.name, reason: problemText(r) });
      continue;
    }
    const earlier = finder.earlier(r.values);
    const existing = earlier ? null : (ctx.existing.get(r.row) ?? null);
    const target = earlier?.patientId ?? existing?.patientId ?? null;
    const name = r.values.name;
    if (earlier || existing) {
      const what = earlier ? `row ${earlier.row}` : patientNumber(existing?.patientId ?? 0);
      const number = target === null ? null : patientNumber(target);
      if (target !== null && ctx.duplicates === 'merge') {
        const filled = await writer.merge(target, r.values);
        const reason = `Likely duplicate of ${what}: ${filled.length > 0 ? `filled ${filled.join(', ')}` : 'nothing new'}.`;
        lines.push({ row: r.row, outcome: 'merged', patientNumber: number, name, reason });
      } else {
        lines.push({
          row: r.row,
          outcome: 'skipped',
          patientNumber: number,
          name,
          reason: `Likely duplicate of ${what}.`,
        });
      }
      finder.remember(r.row, r.values, target);
      continue;
    }
    const patientId = await writer.insert(r.values);
    importedIds.push(patientId);
    finder.remember(r.row, r.values, patientId);
    lines.push({ row: r.row, outcome: 'imported', patientNumber: patientNumber(patientId), name, reason: '' });
  }
  await writer.flush();
  const tally = { imported: 0, merged: 0, skipped: 0 };
  for (const line of lines) tally[line.outcome] += 1;
  await trx
    .updateTable('patient_imports')
    .set((eb) => ({
      processed_rows: eb('processed_rows', '+', batch.length),
      imported_count: eb('imported_count', '+', tally.imported),
      merged_count: eb('merged_count', '+', tally.merged),
      skipped_count: eb('skipped_count', '+', tally.skipped),
    }))
    .where('import_id', '=', ctx.importId)
    .execute();
  await writeAudit(trx, ctx.clock, {
    userId: ctx.actorId,
    action: 'patient.import_batch',
    entity: 'patient_import',
    entityId: ctx.importId,
    after: { firstRow: batch[0]?.row, lastRow: batch.at(-1)?.row, ...tally, patientIds: importedIds },
  });
  return lines;
}
