import type { z } from 'zod';
import { writeTx } from '#db/tx.ts';
import {
  IMPORT_BATCH_ROWS,
  PREVIEW_ROWS,
  type DateOrder,
  type DuplicateChoice,
  type ImportField,
  type LikelyDuplicate,
  type patientImportChannels,
  type RowProblem,
} from '#contract/patient-import.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { parseRequiredFields, type createPatientsService } from '../patients/index.ts';
import { createDuplicateFinder, type ExistingPatient } from './duplicates.ts';
import { headerKey, suggestColumns } from './headers.ts';
import { writeBatch } from './import-batch.ts';
import { importRecord } from './import-record.ts';
import { readSheet, type Sheet } from './read-file.ts';
import { reportCsv, type ReportLine } from './report.ts';
import { checkRow, storedText, type CheckedRow } from './rows.ts';

type Output<C extends keyof typeof patientImportChannels> = z.output<(typeof patientImportChannels)[C]['output']>;
type PatientsService = ReturnType<typeof createPatientsService>;

export interface ImportFile {
  fileName: string;
  contentBase64: string;
}

export interface MappedFile {
  file: ImportFile;
  columns: (ImportField | null)[];
  dateOrder: DateOrder;
}

export interface RunOptions extends MappedFile {
  duplicates: DuplicateChoice;
  runId: string;
}

/** Rows done of all, after each batch. */
export type ImportProgress = (done: number, total: number) => void;

const rowCountOf = (sheet: Sheet): number => sheet.rows.length + sheet.problems.length;

export function createPatientImportService({ db, clock }: ServiceDeps, patients: PatientsService) {
  const today = async (): Promise<string> => (await clinicCalendar(db, clock)).now.date;
  const record = importRecord(db, clock);

  async function remembered(headers: readonly string[]): Promise<Map<string, string | null>> {
    const keys = [...new Set(headers.map(headerKey))].filter((k) => k !== '');
    if (keys.length === 0) return new Map();
    const rows = await db
      .selectFrom('patient_import_mappings')
      .select(['header_key', 'field'])
      .where('header_key', 'in', keys)
      .execute();
    return new Map(rows.map((r) => [r.header_key, r.field]));
  }

  /** The fields the clinic's setting requires on top of the register schema's (read once a call). */
  async function clinicRequires(): Promise<string[]> {
    const row = await db
      .selectFrom('settings')
      .select('required_patient_fields')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row ? parseRequiredFields(row.required_patient_fields) : [];
  }

  async function checkedRows(mapped: MappedFile, sheet: Sheet, limit?: number): Promise<CheckedRow[]> {
    const [date, required] = await Promise.all([today(), clinicRequires()]);
    const rows = limit === undefined ? sheet.rows : sheet.rows.slice(0, limit);
    return rows.map((r) => checkRow(r, mapped.columns, mapped.dateOrder, date, required));
  }

  async function read(file: ImportFile): Promise<Output<'imports.read'>> {
    const sheet = readSheet(file.contentBase64);
    return {
      headers: sheet.headers,
      columns: suggestColumns(sheet.headers, await remembered(sheet.headers)),
      rowCount: rowCountOf(sheet),
      encoding: sheet.encoding,
      delimiter: sheet.delimiter,
    };
  }

  async function preview(mapped: MappedFile): Promise<Output<'imports.preview'>> {
    const sheet = readSheet(mapped.file.contentBase64);
    const rows = await checkedRows(mapped, sheet, PREVIEW_ROWS);
    return {
      rowCount: rowCountOf(sheet),
      rows: rows.map((r) => ({
        row: r.row,
        values: r.values ? storedText(r.values, mapped.columns) : {},
        problems: r.problems,
      })),
    };
  }

  /** What the import would do, row by row; reads only. */
  async function dryRun(mapped: MappedFile): Promise<Output<'imports.dryRun'>> {
    const sheet = readSheet(mapped.file.contentBase64);
    const rows = await checkedRows(mapped, sheet);
    const finder = await createDuplicateFinder(db, patients);
    const refused: RowProblem[] = [...sheet.problems];
    const duplicates: LikelyDuplicate[] = [];
    for (const r of rows) {
      if (!r.values) {
        refused.push(...r.problems);
        continue;
      }
      const earlier = finder.earlier(r.values);
      const existing = earlier ? null : await finder.existing(r.values);
      if (earlier || existing) {
        duplicates.push({
          row: r.row,
          name: r.values.name,
          patientNumber: existing?.patientNumber ?? null,
          sameAsRow: earlier?.row ?? null,
        });
      }
      finder.remember(r.row, r.values, null);
    }
    refused.sort((a, b) => a.row - b.row);
    return {
      rowCount: rowCountOf(sheet),
      refused,
      refusedRows: new Set(refused.map((p) => p.row)).size,
      duplicates,
    };
  }

  async function existingMatches(
    batch: readonly CheckedRow[],
    finder: Awaited<ReturnType<typeof createDuplicateFinder>>,
  ) {
    const found = new Map<number, ExistingPatient>();
    for (const r of batch) {
      const match = r.values ? await finder.existing(r.values) : null;
      if (match) found.set(r.row, match);
    }
    return found;
  }

  /**
   * Imports every good row, one transaction per batch. A cancel is read between batches, so the
   * database holds whole batches only; the report lists every row, those never reached too.
   */
  async function run(actor: Actor, options: RunOptions, progress: ImportProgress = () => undefined) {
    const sheet = readSheet(options.file.contentBase64);
    const rows = await checkedRows(options, sheet);
    const importId = await record.start(actor, {
      runId: options.runId,
      fileName: options.file.fileName,
      headers: sheet.headers,
      columns: options.columns,
      duplicates: options.duplicates,
      totalRows: rowCountOf(sheet),
    });
    const finder = await createDuplicateFinder(db, patients);
    const date = await today();
    const lines: ReportLine[] = sheet.problems.map((p) => ({
      row: p.row,
      outcome: 'skipped',
      patientNumber: null,
      name: '',
      reason: `${p.field}: ${p.message}`,
    }));
    let next = 0;
    let cancelled = false;
    try {
      for (; next < rows.length; next += IMPORT_BATCH_ROWS) {
        if (await record.cancelAsked(importId)) {
          cancelled = true;
          break;
        }
        const batch = rows.slice(next, next + IMPORT_BATCH_ROWS);
        // Looked up before the transaction: the registry's check reads through the connection
        // a SQLite write transaction holds.
        const existing = await existingMatches(batch, finder);
        const written = await writeTx(db, (trx) => {
          finder.begin();
          return writeBatch(batch, {
            trx,
            clock,
            actorId: actor.userId,
            importId,
            today: date,
            duplicates: options.duplicates,
            finder,
            existing,
          });
        });
        finder.commit();
        lines.push(...written);
        progress(sheet.problems.length + next + batch.length, rowCountOf(sheet));
      }
    } catch (error) {
      await record.failed(importId);
      throw error;
    }
    for (const r of rows.slice(next)) {
      const reason = 'Not imported: the import was cancelled before this row.';
      lines.push({ row: r.row, outcome: 'skipped', patientNumber: null, name: r.name, reason });
    }
    return finish(actor, importId, cancelled, lines, options.file.fileName);
  }

  async function finish(actor: Actor, importId: number, cancelled: boolean, lines: ReportLine[], fileName: string) {
    const status = cancelled ? ('cancelled' as const) : ('done' as const);
    const counts = { imported: 0, merged: 0, skipped: 0 };
    for (const line of lines) counts[line.outcome] += 1;
    await record.finished(actor, importId, cancelled, counts);
    const stem = fileName.replace(/\.[^.]*$/, '');
    return {
      importId,
      status,
      totalRows: lines.length,
      ...counts,
      report: { fileName: `${stem}-import-report.csv`, mimeType: 'text/csv;charset=utf-8', content: reportCsv(lines) },
    };
  }

  /** Asks a running import to stop after its current batch; false if none runs with that id. */
  async function cancel(runId: string): Promise<{ cancelled: boolean }> {
    return { cancelled: await record.requestCancel(runId) };
  }

  return { read, preview, dryRun, run, cancel };
}

export type PatientImportService = ReturnType<typeof createPatientImportService>;
