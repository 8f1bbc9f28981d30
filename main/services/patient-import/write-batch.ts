import type { Insertable } from 'kysely';
import type { PatientsTable } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';
import type { Clock } from '../core/clock.ts';
import { writeAudit } from '../core/audit.ts';
import { ageOn, patientNumber } from '../patients/index.ts';
import type { PatientValues } from './rows.ts';

// Writing one batch inside its transaction: a new patient is a users row (no password) and a
// patients row, as the register channel writes them; a merge fills only the fields the
// existing patient has empty, never overwriting what the clinic already holds.

/** Fields kept on the users row; every other field is the patients column of the same name. */
const USER_FIELDS: ReadonlySet<string> = new Set(['name', 'email', 'phone']);
const NOT_A_COLUMN: ReadonlySet<string> = new Set(['confirmedNotDuplicate', 'guardianPatientId', 'age']);

const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function patientColumns(values: PatientValues, today: string): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    if (!USER_FIELDS.has(field) && !NOT_A_COLUMN.has(field)) columns[columnOf(field)] = value ?? null;
  }
  columns.age = values.dateOfBirth ? ageOn(values.dateOfBirth, today) : (values.age ?? null);
  return columns;
}

export interface BatchWriter {
  insert(values: PatientValues): Promise<number>;
  /** Fills the existing patient's empty fields from the row; returns the fields filled. */
  merge(patientId: number, values: PatientValues): Promise<string[]>;
  /** Writes the patients rows still buffered (call before the transaction ends). */
  flush(): Promise<void>;
}

export function batchWriter(trx: Tx, clock: Clock, actorId: number, today: string): BatchWriter {
  const now = clock.now().toISOString();
  let pending: Insertable<PatientsTable>[] = [];

  async function flush(): Promise<void> {
    if (pending.length === 0) return;
    await trx.insertInto('patients').values(pending).execute();
    pending = [];
  }

  async function insert(values: PatientValues): Promise<number> {
    const { user_id: patientId } = await trx
      .insertInto('users')
      .values({
        name: values.name,
        email: values.email,
        phone: values.phone,
        password_hash: null,
        role: 'patient',
        created_at: now,
        updated_at: now,
        locked_until: null,
      })
      .returning('user_id')
      .executeTakeFirstOrThrow();
    pending.push({ patient_id: patientId, ...patientColumns(values, today) } as Insertable<PatientsTable>);
    return patientId;
  }

  async function merge(patientId: number, values: PatientValues): Promise<string[]> {
    await flush();
    const user = await trx.selectFrom('users').select(['email']).where('user_id', '=', patientId).executeTakeFirst();
    const patient = await trx.selectFrom('patients').selectAll().where('patient_id', '=', patientId).executeTakeFirst();
    if (!user || !patient) return [];
    const held = patient as Record<string, unknown>;
    const fills: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(patientColumns(values, today))) {
      if (value !== null && value !== undefined && (held[column] === null || held[column] === ''))
        fills[column] = value;
    }
    const email = user.email === null && values.email ? values.email : null;
    const filled = [...Object.keys(fills), ...(email ? ['email'] : [])];
    if (filled.length === 0) return [];
    await trx
      .updateTable('patients')
      .set({ ...fills, version: patient.version + 1 })
      .where('patient_id', '=', patientId)
      .execute();
    if (email)
      await trx.updateTable('users').set({ email, updated_at: now }).where('user_id', '=', patientId).execute();
    const before = Object.fromEntries(filled.map((c) => [c, c === 'email' ? user.email : held[c]]));
    const after = { ...fills, ...(email ? { email } : {}) };
    await writeAudit(trx, clock, {
      userId: actorId,
      action: 'patient.import_merge',
      entity: 'patient',
      entityId: patientId,
      before,
      after: { ...after, patientNumber: patientNumber(patientId) },
    });
    return filled;
  }

  return { insert, merge, flush };
}
