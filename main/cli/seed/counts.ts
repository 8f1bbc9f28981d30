import type { Kysely } from 'kysely';
import { SEED_TABLES, type Database } from '#db/schema.ts';

/** The seed tables and the schedule rules the seed creates. */
export const COUNTED_TABLES = [...SEED_TABLES, 'schedule_templates', 'schedule_exceptions'] as const;

export type TableCounts = Record<(typeof COUNTED_TABLES)[number], number>;

/** Row counts of the seed tables and the schedule rules. */
export async function countRows(db: Kysely<Database>): Promise<TableCounts> {
  const entries = await Promise.all(
    COUNTED_TABLES.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.count)] as const;
    }),
  );
  return Object.fromEntries(entries) as TableCounts;
}
