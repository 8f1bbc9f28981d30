import type { Kysely } from 'kysely';
import type { DuplicateChoice, ImportField } from '#contract/patient-import.ts';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import { writeAudit } from '../core/audit.ts';
import type { Clock } from '../core/clock.ts';
import type { Actor } from '../core/context.ts';
import { AppError, isUniqueViolation } from '../core/errors.ts';
import { headerKey } from './headers.ts';

// An import's own row in `patient_imports` (its state, and the cancel flag any process may
// set), and the mapping its headers were given, remembered for the next file.

export interface ImportStart {
  runId: string;
  fileName: string;
  headers: readonly string[];
  columns: readonly (ImportField | null)[];
  duplicates: DuplicateChoice;
  totalRows: number;
}

export type ImportCounts = { imported: number; merged: number; skipped: number };

export function importRecord(db: Kysely<Database>, clock: Clock) {
  async function insertStart(actor: Actor, start: ImportStart): Promise<number> {
    const now = clock.now().toISOString();
    return writeTx(db, async (trx) => {
      for (const [index, header] of start.headers.entries()) {
        const key = headerKey(header);
        if (key === '') continue;
        const field = start.columns[index] ?? null;
        await trx
          .insertInto('patient_import_mappings')
          .values({ header_key: key, field, updated_by: actor.userId, updated_at: now })
          .onConflict((oc) => oc.column('header_key').doUpdateSet({ field, updated_by: actor.userId, updated_at: now }))
          .execute();
      }
      const { import_id: importId } = await trx
        .insertInto('patient_imports')
        .values({
          run_id: start.runId,
          file_name: start.fileName,
          started_by: actor.userId,
          started_at: now,
          finished_at: null,
          status: 'running',
          total_rows: start.totalRows,
          cancel_requested_at: null,
        })
        .returning('import_id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'patient.import_start',
        entity: 'patient_import',
        entityId: importId,
        after: { fileName: start.fileName, totalRows: start.totalRows, duplicates: start.duplicates },
      });
      return importId;
    });
  }

  return {
    /** Records the import as running and remembers its mapping; a run id used before is refused. */
    async start(actor: Actor, start: ImportStart): Promise<number> {
      try {
        return await insertStart(actor, start);
      } catch (error) {
        if (!isUniqueViolation(error, 'run_id')) throw error;
        const message = 'This import has already run. Start it again to import the file once more.';
        throw new AppError('CONFLICT', message, { runId: message });
      }
    },

    async cancelAsked(importId: number): Promise<boolean> {
      const row = await db
        .selectFrom('patient_imports')
        .select('cancel_requested_at')
        .where('import_id', '=', importId)
        .executeTakeFirst();
      return row?.cancel_requested_at != null;
    },

    /** Asks a running import to stop after its current batch; false if none runs with that id. */
    async requestCancel(runId: string): Promise<boolean> {
      const result = await writeTx(db, (trx) =>
        trx
          .updateTable('patient_imports')
          .set({ cancel_requested_at: clock.now().toISOString() })
          .where('run_id', '=', runId)
          .where('status', '=', 'running')
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },

    async failed(importId: number): Promise<void> {
      await db
        .updateTable('patient_imports')
        .set({ status: 'failed', finished_at: clock.now().toISOString() })
        .where('import_id', '=', importId)
        .execute();
    },

    async finished(actor: Actor, importId: number, cancelled: boolean, counts: ImportCounts): Promise<void> {
      await writeTx(db, async (trx) => {
        await trx
          .updateTable('patient_imports')
          .set({ status: cancelled ? 'cancelled' : 'done', finished_at: clock.now().toISOString() })
          .where('import_id', '=', importId)
          .execute();
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: cancelled ? 'patient.import_cancelled' : 'patient.import_done',
          entity: 'patient_import',
          entityId: importId,
          after: counts,
        });
      });
    },
  };
}
