import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import type { Demographics, PatientSearchResult, PatientSummary } from '#contract/patients.ts';
import { identifierKey } from '#db/identifier-search.ts';
import { clinicNow } from '#shared/dates.ts';
import { writeAudit } from '../core/audit.ts';
import { listAppointments, listReschedules } from '../front-desk/index.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound, staleRecord } from '../core/errors.ts';
import { searchPatientIds, typedIdentifierKey } from './patient-search.ts';
import { keptPatientIds } from './merge-redirect.ts';
import { visitActivity } from './visit-activity.ts';
import { withStatusReasons } from './status-reasons.ts';
import { rankPatients } from './search-rank.ts';
import { DEMOGRAPHIC_SELECT, demographicColumns, demographicsOf, guardianLinks } from './demographics.ts';
import { checkGuardian, checkRequiredFields } from './demographic-rules.ts';
import { patientNumber } from './patient-number.ts';

export interface PatientInput extends Partial<Demographics> {
  name: string;
  phone: string;
  email: string | null;
  gender?: 'female' | 'male' | 'other' | 'unknown' | null | undefined;
  age?: number | null | undefined;
  dateOfBirth?: string | null | undefined;
  medicalNotes: string | null;
}

export { patientNumber };

/** Whole years between a date of birth and today (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The same name, whatever the letters' case in any script ("ÉMILE" is "émile"), accents kept. */
const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function patientsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.user_id', 'p.patient_id')
    .select([
      'p.patient_id',
      'u.name',
      'u.phone',
      'u.email',
      'u.created_at',
      'p.gender',
      'p.age',
      'p.date_of_birth',
      'p.medical_notes',
      'p.version',
      ...DEMOGRAPHIC_SELECT,
    ]);
}
type PatientRecord = Awaited<ReturnType<ReturnType<typeof patientsQuery>['execute']>>[number];

/** Which card number of the patient the typed key is the start of, so the desk sees why they were found. */
function matchedIdentifier(key: string | null, r: PatientRecord): Pick<PatientSearchResult, 'matchedIdentifier'> {
  if (key === null) return {};
  if (r.id_number && identifierKey(r.id_number).startsWith(key)) {
    return { matchedIdentifier: { kind: 'idNumber', value: r.id_number } };
  }
  if (r.insurance_member_number && identifierKey(r.insurance_member_number).startsWith(key)) {
    return { matchedIdentifier: { kind: 'insuranceMemberNumber', value: r.insurance_member_number } };
  }
  return {};
}

export function createPatientsService({ db, clock }: ServiceDeps) {
  async function today(): Promise<string> {
    return (await clinicCalendar(db, clock)).now.date;
  }

  const toSummary = (r: PatientRecord, date: string): PatientSummary => ({
    patientId: r.patient_id,
    patientNumber: patientNumber(r.patient_id),
    name: r.name,
    phone: r.phone,
    email: r.email,
    gender: r.gender,
    age: r.date_of_birth ? ageOn(r.date_of_birth, date) : r.age,
    dateOfBirth: r.date_of_birth,
  });

  async function detail(trx: Kysely<Database>, patientId: number) {
    const row = await patientsQuery(trx).where('p.patient_id', '=', patientId).executeTakeFirst();
    if (!row) throw notFound('patient');
    const date = clinicNow((await clinicCalendar(trx, clock)).timeZone, clock.now()).date;
    return {
      ...toSummary(row, date),
      ...demographicsOf(row),
      ...(await guardianLinks(trx, patientId, row.guardian_patient_id)),
      medicalNotes: row.medical_notes,
      version: row.version,
      createdAt: row.created_at,
      appointments: await withStatusReasons(trx, await listAppointments(trx, { patientId })),
      reschedules: await listReschedules(trx, { patientId }),
    };
  }

  async function search(query: string, limit = 50): Promise<PatientSearchResult[]> {
    const ids = await keptPatientIds(db, await searchPatientIds(db, query, limit));
    if (ids.length === 0) return [];
    const date = await today();
    const [rows, activity] = await Promise.all([
      patientsQuery(db).where('p.patient_id', 'in', ids).execute(),
      visitActivity(db, ids, date),
    ]);
    const byId = new Map(rows.map((r) => [r.patient_id, r]));
    const key = typedIdentifierKey(query);
    const found = ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const seen = activity.get(id);
      const next = seen?.nextAt ? { date: seen.nextAt.slice(0, 10), time: seen.nextAt.slice(11) } : null;
      return [
        {
          ...toSummary(row, date),
          lastVisit: seen?.lastVisit ?? null,
          nextAppointment: next,
          ...matchedIdentifier(key, row),
        },
      ];
    });
    return rankPatients(query, found, (p) => activity.get(p.patientId)?.lastActivity ?? null);
  }

  async function findDuplicates(
    input: { name: string; phone: string | null; email: string | null },
    excludeId?: number,
  ): Promise<PatientSummary[]> {
    // A duplicate shares the name and phone, or the email: with neither given there is none.
    const { phone, email } = input;
    if (!phone && !email) return [];
    let q = patientsQuery(db).where((eb) => {
      const conditions = [];
      if (phone) conditions.push(eb('u.phone', '=', phone));
      if (email) conditions.push(eb('u.email', '=', email));
      return eb.or(conditions);
    });
    q = q.where('p.merged_into_patient_id', 'is', null);
    if (excludeId !== undefined) q = q.where('p.patient_id', '!=', excludeId);
    const date = await today();
    // The name is compared here, not with SQL's lower(), which on SQLite folds only A–Z
    // ("Émile" and "émile" are the same name; "Emile" is not).
    const rows = await q.orderBy('p.patient_id').limit(200).execute();
    return rows
      .filter((r) => (email !== null && r.email === email) || (phone !== null && sameName(r.name, input.name)))
      .slice(0, 10)
      .map((r) => toSummary(r, date));
  }

  async function ageToStore(input: PatientInput): Promise<number | null> {
    return input.dateOfBirth ? ageOn(input.dateOfBirth, await today()) : (input.age ?? null);
  }

  function checkDateOfBirth(input: PatientInput, date: string): void {
    if (input.dateOfBirth && (input.dateOfBirth > date || ageOn(input.dateOfBirth, date) > 130)) {
      throw new AppError('VALIDATION', 'Enter a date of birth in the past, at most 130 years ago.', {
        dateOfBirth: 'Enter a date of birth in the past, at most 130 years ago.',
      });
    }
  }

  async function register(actor: Actor, input: PatientInput & { confirmedNotDuplicate?: boolean | undefined }) {
    checkDateOfBirth(input, await today());
    await checkRequiredFields(db, input);
    if (!input.confirmedNotDuplicate) {
      const duplicates = await findDuplicates(input);
      if (duplicates.length > 0) {
        const message =
          duplicates.length === 1
            ? 'An existing patient has the same name and phone or the same email. Open that record, or confirm this is a different person.'
            : `${duplicates.length} existing patients have the same name and phone or the same email. Open one of them, or confirm this is a different person.`;
        throw new AppError('CONFLICT', message, { name: message });
      }
    }
    const age = await ageToStore(input);
    return writeTx(db, async (trx) => {
      await checkGuardian(trx, null, input.guardianPatientId ?? null);
      const now = clock.now().toISOString();
      const { user_id: patientId } = await trx
        .insertInto('users')
        .values({
          name: input.name,
          email: input.email,
          phone: input.phone,
          password_hash: null,
          role: 'patient',
          created_at: now,
          updated_at: now,
          locked_until: null,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('patients')
        .values({
          patient_id: patientId,
          age,
          gender: input.gender ?? null,
          medical_notes: input.medicalNotes,
          date_of_birth: input.dateOfBirth ?? null,
          ...demographicColumns(input),
        })
        .execute();
      const created = await detail(trx, patientId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'patient.register',
        entity: 'patient',
        entityId: patientId,
        after: created,
      });
      return created;
    });
  }

  async function update(actor: Actor, patientId: number, version: number, input: PatientInput) {
    checkDateOfBirth(input, await today());
    await checkRequiredFields(db, input);
    const age = await ageToStore(input);
    return writeTx(db, async (trx) => {
      const before = await detail(trx, patientId);
      if (before.version !== version) throw staleRecord('patient');
      await checkGuardian(trx, patientId, input.guardianPatientId ?? null);
      await trx
        .updateTable('users')
        .set({ name: input.name, email: input.email, phone: input.phone, updated_at: clock.now().toISOString() })
        .where('user_id', '=', patientId)
        .execute();
      await trx
        .updateTable('patients')
        .set({
          age,
          gender: input.gender ?? null,
          medical_notes: input.medicalNotes,
          date_of_birth: input.dateOfBirth ?? null,
          ...demographicColumns(input),
          version: version + 1,
        })
        .where('patient_id', '=', patientId)
        .execute();
      const after = await detail(trx, patientId);
      const { appointments: _a, reschedules: _r, ...beforeFields } = before;
      const { appointments: _a2, reschedules: _r2, ...afterFields } = after;
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'patient.update',
        entity: 'patient',
        entityId: patientId,
        before: beforeFields,
        after: afterFields,
      });
      return after;
    });
  }

  /** A patient's record; opening it for a staff member leaves a view row in the audit trail. */
  async function get(patientId: number, viewer?: Actor) {
    const record = await detail(db, patientId);
    if (viewer) {
      await writeTx(db, (trx) =>
        writeAudit(trx, clock, {
          userId: viewer.userId,
          action: 'patient.view',
          entity: 'patient',
          entityId: patientId,
        }),
      );
    }
    return record;
  }

  return { search, findDuplicates, register, update, get };
}

export type PatientsService = ReturnType<typeof createPatientsService>;
