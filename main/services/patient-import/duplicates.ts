import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import type { createPatientsService } from '../patients/index.ts';
import type { PatientValues } from './rows.ts';

// Likely duplicates, by the registry's own rule (same name and phone, or same email). An
// existing patient is asked of `patients.findDuplicates` itself, but only for rows whose phone
// or email is already on file (read once), so 100,000 rows cost 100,000 set look-ups, not
// 100,000 queries. Within the file, an earlier row with the same name and phone or the same
// email is the match (the same rule, on the values as they will be stored).

type PatientsService = ReturnType<typeof createPatientsService>;

export interface EarlierRow {
  row: number;
  /** The patient that row became or was merged into; null in a dry run or when it was skipped. */
  patientId: number | null;
}

export interface ExistingPatient {
  patientId: number;
  patientNumber: string;
}

const keysOf = (v: PatientValues): string[] => [
  `n:${v.name.toLowerCase()}\u0000${v.phone}`,
  ...(v.email ? [`e:${v.email}`] : []),
];

export async function createDuplicateFinder(db: Kysely<Database>, patients: PatientsService) {
  const onFile = await db.selectFrom('users').select(['phone', 'email']).where('role', '=', 'patient').execute();
  const phones = new Set(onFile.flatMap((u) => (u.phone ? [u.phone] : [])));
  const emails = new Set(onFile.flatMap((u) => (u.email ? [u.email] : [])));
  const seen = new Map<string, EarlierRow>();
  // Rows remembered inside a transaction that may yet roll back (or run again on PostgreSQL).
  let staged = new Map<string, EarlierRow>();

  return {
    async existing(values: PatientValues): Promise<ExistingPatient | null> {
      if (!phones.has(values.phone) && !(values.email && emails.has(values.email))) return null;
      const [match] = await patients.findDuplicates(values);
      return match ? { patientId: match.patientId, patientNumber: match.patientNumber } : null;
    },
    earlier(values: PatientValues): EarlierRow | null {
      for (const key of keysOf(values)) {
        const found = staged.get(key) ?? seen.get(key);
        if (found) return found;
      }
      return null;
    },
    remember(row: number, values: PatientValues, patientId: number | null): void {
      for (const key of keysOf(values)) if (!seen.has(key) && !staged.has(key)) staged.set(key, { row, patientId });
    },
    /** Starts a transaction's attempt: what an earlier attempt staged is forgotten. */
    begin(): void {
      staged = new Map();
    },
    /** The transaction committed: its rows count for the rest of the file. */
    commit(): void {
      for (const [key, value] of staged) seen.set(key, value);
      staged = new Map();
    },
  };
}

export type DuplicateFinder = Awaited<ReturnType<typeof createDuplicateFinder>>;
