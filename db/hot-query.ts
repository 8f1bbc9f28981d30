import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';

// Compiled hot queries. Building and compiling a Kysely query costs more than SQLite takes to
// run a small one, so a query that runs on every click is built once per dialect with
// stand-in values, and later runs only swap the values in (the SQL text then also hits the
// connection's prepared-statement cache). Only for queries whose shape never changes with
// the values: ids and dates in WHERE clauses and the values of a fixed INSERT (null included),
// not lists or optional filters.

interface Compilable<Row> {
  compile(): CompiledQuery<Row>;
}

/** Stand-ins no real argument equals: negative and far beyond any id. */
const STAND_IN = -7_340_032_000_000;

export function hotQuery<Args extends readonly (number | string | null)[], Row>(
  build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<Row[]> {
  // One compiled form per dialect (the adapter object is shared by a database's transactions).
  const compiled = new WeakMap<object, { query: CompiledQuery<Row>; slots: (number | null)[] }>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let entry = compiled.get(adapter);
    if (!entry) {
      const standIns = args.map((_, i) => STAND_IN - i) as unknown as Args;
      const query = build(db, ...standIns).compile();
      const slots = query.parameters.map((p) => {
        const index = typeof p === 'number' ? STAND_IN - p : -1;
        return index >= 0 && index < args.length ? index : null;
      });
      const used = new Set(slots.filter((s) => s !== null));
      if (used.size !== args.length) throw new Error('hotQuery: every argument must be a bound value of the query');
      entry = { query, slots };
      compiled.set(adapter, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? p : args[slot];
    });
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
