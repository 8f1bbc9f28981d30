import type { Kysely } from 'kysely';
import { SEED_TABLES, type Database } from '../schema.ts';

export type TableCounts = Record<(typeof SEED_TABLES)[number], number>;

/** Row counts of the nine seed tables. */
export async function countRows(db: Kysely<Database>): Promise<TableCounts> {
  const entries = await Promise.all(
    SEED_TABLES.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.count)] as const;
    }),
  );
  return Object.fromEntries(entries) as TableCounts;
}
