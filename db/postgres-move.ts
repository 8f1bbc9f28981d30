import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openSqlite } from './connection.ts';
import { migrateToLatest } from './migrate.ts';
import { nulRefusal, rowsWithNul } from './move-text-check.ts';
import { openPostgres } from './postgres.ts';
import type { Database } from './schema.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';

// The move from a single PC to the clinic server: every table of a clinic's SQLite file,
// ids and audit trail included, copied into an empty PostgreSQL database in one transaction,
// then checked (row counts, a checksum of every table's rows, the booking invariants).

export interface MoveProgress {
  table: string;
  copiedRows: number;
  totalRows: number;
}

export interface MoveReport {
  tables: { table: string; rows: number }[];
  totalRows: number;
  /** SQLite-only tables (search indexes) that PostgreSQL builds for itself. */
  skipped: string[];
}

export class MoveRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoveRefused';
  }
}

type Row = Record<string, unknown>;
type AnyDb = Kysely<Database>;

const BATCH_ROWS = 500;
const ignoredTable = (name: string): boolean => name.startsWith('kysely_');

async function pgTables(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  return rows.map((r) => r.name).filter((name) => !ignoredTable(name));
}

async function pgRowCount(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Empty means: no tables at all, or only our schema with no clinic in it (a failed earlier run
 * leaves that; the rows migrations make themselves, such as default settings, are replaced).
 */
async function assertEmpty(db: AnyDb): Promise<void> {
  const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() ORDER BY table_name`.execute(db);
  const names = rows.map((r) => r.name);
  if (names.length === 0) return;
  if (!names.includes('kysely_migration')) {
    throw new MoveRefused(
      `The target database already has tables (${names.slice(0, 5).join(', ')}). Move into a new, empty database.`,
    );
  }
  for (const table of ['users', 'settings', 'audit_log']) {
    if (names.includes(table) && (await pgRowCount(db, table)) > 0) {
      throw new MoveRefused(
        `The target database is not empty (table ${table} has rows). Move into a new, empty database.`,
      );
    }
  }
}

/** Parents before children, from the target's foreign keys (self-references are copied in id order). */
async function copyOrder(db: AnyDb, tables: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ child: string; parent: string }>`
    SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`.execute(db);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const pending = new Set(tables);
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => [...(parents.get(t) ?? [])].every((p) => !pending.has(p)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${[...pending].join(', ')}`);
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

async function pgColumns(db: AnyDb, table: string): Promise<{ columns: string[]; identity: string[] }> {
  const { rows } = await sql<{ name: string; identity: string }>`SELECT column_name AS name, is_identity AS identity
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}
    ORDER BY ordinal_position`.execute(db);
  return { columns: rows.map((r) => r.name), identity: rows.filter((r) => r.identity === 'YES').map((r) => r.name) };
}

async function primaryKey(db: AnyDb, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT a.attname AS name FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary ORDER BY a.attnum`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Columns of `table` that point at a row of the same table (a child's guardian, a merged-away
 * record's kept one). Rows are copied in key order, in batches, so such a column may point at a
 * row of a later batch: it is copied empty first and filled in once the whole table is there.
 */
async function selfReferences(db: AnyDb, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT a.attname AS name FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.conrelid = ${table}::regclass AND c.confrelid = c.conrelid
      AND array_length(c.conkey, 1) = 1 ORDER BY a.attname`.execute(db);
  return rows.map((r) => r.name);
}

/** Fills in the self-references copied empty, a batch of rows per statement. */
async function fillSelfReferences(db: AnyDb, table: string, key: string, column: string, rows: Row[]): Promise<void> {
  const links = rows.filter((row) => row[column] != null);
  for (let start = 0; start < links.length; start += BATCH_ROWS) {
    const values = sql.join(
      links.slice(start, start + BATCH_ROWS).map((row) => sql`(${row[key]}::integer, ${row[column]}::integer)`),
    );
    await sql`UPDATE ${sql.table(table)} AS t SET ${sql.ref(column)} = v.ref
      FROM (VALUES ${values}) AS v(id, ref) WHERE t.${sql.ref(key)} = v.id`.execute(db);
  }
}

/**
 * A checksum of a table's rows, the same whichever database they come from: rows sorted as
 * text, so neither database's collation matters.
 */
function checksum(rows: readonly Row[], columns: readonly string[]): string {
  const lines = rows.map((row) => JSON.stringify(columns.map((c) => row[c] ?? null))).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

async function checkInvariants(db: AnyDb): Promise<void> {
  const checks: [string, string][] = [
    [
      'two active appointments share a slot',
      `SELECT availability_id FROM appointments WHERE status NOT IN (${INACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})
       GROUP BY availability_id HAVING count(*) > 1`,
    ],
    [
      'an appointment has two payment rows',
      'SELECT appointment_id FROM payments GROUP BY appointment_id HAVING count(*) > 1',
    ],
    [
      'a doctor and patient have two chats',
      'SELECT doctor_id FROM chats GROUP BY doctor_id, patient_id HAVING count(*) > 1',
    ],
  ];
  for (const [what, query] of checks) {
    const { rows } = await sql.raw(query).execute(db);
    if (rows.length > 0) throw new Error(`Verification failed after the copy: ${what}.`);
  }
  const { rows } = await sql<{ name: string }>`SELECT tgname AS name FROM pg_trigger
    WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal AND tgenabled = 'O'`.execute(db);
  if (rows.length < 2) throw new Error('Verification failed after the copy: the audit log is not append-only.');
}

/**
 * Copies the clinic in `file` into the empty PostgreSQL database at `url`. The file is first
 * brought to the latest version, as the app would on its next start. Nothing is committed to
 * the target unless every table copied and verified.
 */
export async function moveToServer(
  file: string,
  url: string,
  onProgress: (progress: MoveProgress) => void = () => undefined,
): Promise<MoveReport> {
  const source = openSqlite(file);
  const target = openPostgres(url, { max: 2 });
  try {
    await assertEmpty(target.db);
    await migrateToLatest(source.db);
    await migrateToLatest(target.db);
    const tables = await copyOrder(target.db, await pgTables(target.db));
    const sourceTables = new Set(
      (
        source.raw
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
          .all() as { name: string }[]
      ).map((r) => r.name),
    );
    const missing = tables.filter((t) => !sourceTables.has(t));
    if (missing.length > 0) throw new MoveRefused(`The clinic file has no table ${missing.join(', ')}.`);
    const skipped = [...sourceTables].filter((t) => !ignoredTable(t) && !tables.includes(t)).sort();
    const counts = new Map(
      tables.map((t) => [t, (source.raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
    const totalRows = [...counts.values()].reduce((a, b) => a + b, 0);
    const unmovable: string[] = [];
    for (const table of tables) {
      const { columns } = await pgColumns(target.db, table);
      unmovable.push(...rowsWithNul(source.raw, table, columns, await primaryKey(target.db, table)));
    }
    const refusal = nulRefusal(unmovable);
    if (refusal) throw new MoveRefused(refusal);
    const sums = new Map<string, string>();

    await target.db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      try {
        // Our own triggers (e.g. append-only) must not act on a copy; foreign keys still check.
        for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(conn);
        // Rows the migrations made (default settings) give way to the clinic's own.
        for (const table of [...tables].reverse()) await sql`DELETE FROM ${sql.table(table)}`.execute(conn);
        let copiedBefore = 0;
        for (const table of tables) {
          const { columns, identity } = await pgColumns(conn, table);
          const key = await primaryKey(conn, table);
          const order = (key.length > 0 ? key : columns).map((c) => `"${c}"`).join(', ');
          const rows = source.raw.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all() as Row[];
          sums.set(table, checksum(rows, columns));
          const [singleKey] = key.length === 1 ? key : [];
          const later = singleKey ? await selfReferences(conn, table) : [];
          for (let start = 0; start < rows.length; start += BATCH_ROWS) {
            const batch = rows
              .slice(start, start + BATCH_ROWS)
              .map((row) => Object.fromEntries(columns.map((c) => [c, later.includes(c) ? null : (row[c] ?? null)])));
            await conn
              .insertInto(table as keyof Database)
              .values(batch as never)
              .execute();
            onProgress({ table, copiedRows: copiedBefore + start + batch.length, totalRows });
          }
          if (singleKey) for (const column of later) await fillSelfReferences(conn, table, singleKey, column, rows);
          copiedBefore += rows.length;
          onProgress({ table, copiedRows: copiedBefore, totalRows });
          // New rows made on the server continue after the copied ids.
          for (const column of identity) {
            await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}),
              coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(conn);
          }
        }
        for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(conn);
        for (const table of tables) {
          const { columns } = await pgColumns(conn, table);
          const { rows } = await sql.raw<Row>(`SELECT * FROM "${table}"`).execute(conn);
          if (rows.length !== counts.get(table)) {
            throw new Error(`Verification failed: ${table} has ${rows.length} rows, the file ${counts.get(table)}.`);
          }
          if (checksum(rows, columns) !== sums.get(table)) {
            throw new Error(`Verification failed: the rows of ${table} differ from the file.`);
          }
        }
        await checkInvariants(conn);
        await sql`COMMIT`.execute(conn);
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
    return { tables: tables.map((t) => ({ table: t, rows: counts.get(t) ?? 0 })), totalRows, skipped };
  } finally {
    await source.close();
    await target.close();
  }
}
