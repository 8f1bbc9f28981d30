import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';

// Whom an audit row is about, by name, so the viewer says "Maria Perera" and not "patient #71".

type NameLookup = (db: Kysely<Database>, ids: number[]) => Promise<{ id: number; name: string }[]>;

const person: NameLookup = (db, ids) =>
  db.selectFrom('users').select(['user_id as id', 'name']).where('user_id', 'in', ids).execute();

/** The person each kind of record is about: the record's own person, or its patient or doctor. */
const LOOKUPS: Record<string, NameLookup> = {
  patient: person,
  user: person,
  doctor: person,
  doctor_availability: person,
  appointment: (db, ids) =>
    db
      .selectFrom('appointments as a')
      .innerJoin('users as u', 'u.user_id', 'a.patient_id')
      .select(['a.appointment_id as id', 'u.name'])
      .where('a.appointment_id', 'in', ids)
      .execute(),
  payment: (db, ids) =>
    db
      .selectFrom('payments as p')
      .innerJoin('appointments as a', 'a.appointment_id', 'p.appointment_id')
      .innerJoin('users as u', 'u.user_id', 'a.patient_id')
      .select(['p.payment_id as id', 'u.name'])
      .where('p.payment_id', 'in', ids)
      .execute(),
  waitlist: (db, ids) =>
    db
      .selectFrom('waitlist as w')
      .innerJoin('users as u', 'u.user_id', 'w.patient_id')
      .select(['w.waitlist_id as id', 'u.name'])
      .where('w.waitlist_id', 'in', ids)
      .execute(),
  slot: (db, ids) =>
    db
      .selectFrom('doctor_availability as s')
      .innerJoin('users as u', 'u.user_id', 's.doctor_id')
      .select(['s.availability_id as id', 'u.name'])
      .where('s.availability_id', 'in', ids)
      .execute(),
  schedule_template: (db, ids) =>
    db
      .selectFrom('schedule_templates as t')
      .innerJoin('users as u', 'u.user_id', 't.doctor_id')
      .select(['t.template_id as id', 'u.name'])
      .where('t.template_id', 'in', ids)
      .execute(),
  schedule_exception: (db, ids) =>
    db
      .selectFrom('schedule_exceptions as e')
      .innerJoin('users as u', 'u.user_id', 'e.doctor_id')
      .select(['e.exception_id as id', 'u.name'])
      .where('e.exception_id', 'in', ids)
      .execute(),
};

/**
 * The names of a page's subjects, keyed `entity:entityId`: one query per kind of record on
 * the page. A record deleted since (a removed template) has no name.
 */
export async function subjectNames(
  db: Kysely<Database>,
  rows: readonly { entity: string; entity_id: string | null }[],
): Promise<Map<string, string>> {
  const idsByEntity = new Map<string, Set<number>>();
  for (const row of rows) {
    const id = Number(row.entity_id);
    if (!LOOKUPS[row.entity] || !Number.isSafeInteger(id) || id <= 0) continue;
    const ids = idsByEntity.get(row.entity) ?? new Set<number>();
    ids.add(id);
    idsByEntity.set(row.entity, ids);
  }
  const names = new Map<string, string>();
  for (const [entity, ids] of idsByEntity) {
    const lookup = LOOKUPS[entity];
    if (!lookup) continue;
    for (const { id, name } of await lookup(db, [...ids])) names.set(`${entity}:${id}`, name);
  }
  return names;
}
