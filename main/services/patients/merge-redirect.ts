import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';

// Search never shows a tombstone: a hit on one (its old number, name or phone) is answered
// with the record it was merged into, once, where the tombstone stood in the order. Merges
// re-point older tombstones, so one step always reaches a live record.

export async function keptPatientIds(db: Kysely<Database>, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const tombstones = await db
    .selectFrom('patients')
    .select(['patient_id', 'merged_into_patient_id'])
    .where('patient_id', 'in', ids)
    .where('merged_into_patient_id', 'is not', null)
    .execute();
  if (tombstones.length === 0) return [...ids];
  const keptOf = new Map(tombstones.map((t) => [t.patient_id, t.merged_into_patient_id ?? t.patient_id]));
  return [...new Set(ids.map((id) => keptOf.get(id) ?? id))];
}
