import { toCsv, type CsvColumn } from '../exports/index.ts';

// The import's report: one line per row of the file, saying what became of it. Built with the
// exports' CSV writer, so a name like "=HYPERLINK(...)" is guarded there as in every export.

export type Outcome = 'imported' | 'merged' | 'skipped';

export interface ReportLine {
  row: number;
  outcome: Outcome;
  patientNumber: string | null;
  name: string;
  reason: string;
}

const COLUMNS: readonly CsvColumn<ReportLine>[] = [
  { header: 'Row', value: (l) => l.row },
  { header: 'Outcome', value: (l) => l.outcome },
  { header: 'Patient number', value: (l) => l.patientNumber },
  { header: 'Name', value: (l) => l.name },
  { header: 'Reason', value: (l) => l.reason },
];

export function reportCsv(lines: readonly ReportLine[]): string {
  return toCsv(
    [...lines].sort((a, b) => a.row - b.row),
    COLUMNS,
    { bom: true },
  );
}
