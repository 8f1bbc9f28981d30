import { sql, type Kysely } from 'kysely';
import { IDENTIFIER_COLUMNS, identifierKeySql } from '../identifier-search.ts';
import { isSqlite } from './dialect.ts';
import { oneOf } from './sql-checks.ts';

// Frozen once landed. Patient demographics: address, an ID number with its kind, insurance,
// preferred language, an emergency contact, and a guardian who is another patient; all
// optional except what the clinic's setting makes required. ID and insurance numbers are
// searched by key (db/identifier-search.ts): a partial index each, so the desk finds a card's
// number as fast as a phone number, and patients without one cost nothing.

const TEXT_COLUMNS = [
  'address_line1',
  'address_line2',
  'city',
  'postcode',
  'country',
  'id_number',
  'insurance_provider',
  'insurance_member_number',
  'preferred_language',
  'emergency_name',
  'emergency_relation',
  'emergency_phone',
] as const;

const ID_KINDS = ['national_id', 'passport', 'other'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of TEXT_COLUMNS) {
    await db.schema.alterTable('patients').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('patients')
    .addColumn('id_kind', 'text', (c) => c.check(sql`id_kind IS NULL OR ${oneOf('id_kind', ID_KINDS)}`))
    .execute();
  await db.schema
    .alterTable('patients')
    .addColumn('guardian_patient_id', 'integer', (c) =>
      c.references('patients.patient_id').check(sql`guardian_patient_id IS NULL OR guardian_patient_id <> patient_id`),
    )
    .execute();
  // A guardian's page lists their children.
  await sql`CREATE INDEX patients_guardian ON patients (guardian_patient_id) WHERE guardian_patient_id IS NOT NULL`.execute(
    db,
  );
  const postgres = !isSqlite(db);
  for (const column of IDENTIFIER_COLUMNS) {
    await sql
      .raw(
        `CREATE INDEX patients_${column}_key ON patients (${identifierKeySql(column, postgres)}) WHERE ${column} IS NOT NULL`,
      )
      .execute(db);
  }
  // A JSON list of the patient fields the clinic requires (validated by the service).
  await db.schema
    .alterTable('settings')
    .addColumn('required_patient_fields', 'text', (c) =>
      c
        .notNull()
        .defaultTo('[]')
        .check(
          sql`substr(required_patient_fields, 1, 1) = '[' AND substr(required_patient_fields, length(required_patient_fields), 1) = ']'`,
        ),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('settings').dropColumn('required_patient_fields').execute();
  for (const column of IDENTIFIER_COLUMNS) await db.schema.dropIndex(`patients_${column}_key`).execute();
  await db.schema.dropIndex('patients_guardian').execute();
  for (const column of ['guardian_patient_id', 'id_kind', ...TEXT_COLUMNS]) {
    await db.schema.alterTable('patients').dropColumn(column).execute();
  }
}
