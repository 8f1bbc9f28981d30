import type BetterSqlite3 from 'better-sqlite3';

// PostgreSQL cannot store U+0000 in text; SQLite can, so a clinic file written before the
// contract refused control characters (or by hand) may hold one. The move looks for them in
// every table before it writes anything, and names each record, so the clinic can correct it
// instead of getting one refusal for the whole file.

const SHOWN = 10;

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** `table row key = value (columns)` for each row holding a NUL, at most SHOWN + 1 of them. */
export function rowsWithNul(
  raw: BetterSqlite3.Database,
  table: string,
  columns: readonly string[],
  key: readonly string[],
): string[] {
  // Bytewise on the stored text: SQLite's text functions stop at the first NUL.
  const hasNul = (c: string) => `instr(CAST(${quote(c)} AS BLOB), x'00') > 0`;
  const keyColumns = key.length > 0 ? key : ['rowid'];
  const rows = raw
    .prepare(
      `SELECT ${[...keyColumns.map((k, i) => `${quote(k)} AS k${i}`), ...columns.map((c, i) => `${hasNul(c)} AS c${i}`)].join(', ')}
       FROM ${quote(table)} WHERE ${columns.map(hasNul).join(' OR ')} LIMIT ${SHOWN + 1}`,
    )
    .all() as Record<string, unknown>[];
  return rows.map((row) => {
    const id = keyColumns.map((k, i) => `${k} ${String(row[`k${i}`])}`).join(', ');
    const where = columns.filter((_, i) => row[`c${i}`] === 1).join(', ');
    return `${table} row ${id} (${where})`;
  });
}

/** The refusal sentence for the records found, or null when there are none. */
export function nulRefusal(records: readonly string[]): string | null {
  if (records.length === 0) return null;
  const shown = records.slice(0, SHOWN).join('; ');
  const more = records.length > SHOWN ? ' and more' : '';
  return (
    `Nothing was moved: the server cannot store the invisible NUL character (U+0000) found in ${shown}${more}. ` +
    'Retype that text in the app on this computer, then move again.'
  );
}
