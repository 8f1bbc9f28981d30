import { sql, type RawBuilder } from 'kysely';

// Frozen with the migrations that use it: changing these changes what old migrations create.
// Written with substr/BETWEEN only, so the same CHECKs work on SQLite and PostgreSQL.

const digit = (column: string, position: number): string => `substr(${column}, ${position}, 1) BETWEEN '0' AND '9'`;

/** `HH:MM`, 00:00 to 23:59 */
export function timeCheck(column: string): RawBuilder<unknown> {
  return sql.raw(
    `length(${column}) = 5 AND substr(${column}, 3, 1) = ':' AND ${digit(column, 1)} AND ${digit(column, 2)}` +
      ` AND substr(${column}, 1, 2) <= '23' AND substr(${column}, 4, 1) BETWEEN '0' AND '5' AND ${digit(column, 5)}`,
  );
}

/** `YYYY-MM-DD` with month 01-12 and day 01-31 (calendar validity is checked by the services) */
export function dateCheck(column: string): RawBuilder<unknown> {
  const digits = [1, 2, 3, 4, 6, 7, 9, 10].map((p) => digit(column, p)).join(' AND ');
  return sql.raw(
    `length(${column}) = 10 AND substr(${column}, 5, 1) = '-' AND substr(${column}, 8, 1) = '-' AND ${digits}` +
      ` AND substr(${column}, 6, 2) BETWEEN '01' AND '12' AND substr(${column}, 9, 2) BETWEEN '01' AND '31'`,
  );
}

export function oneOf(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);
}

export const flagCheck = (column: string): RawBuilder<unknown> => sql.raw(`${column} IN (0, 1)`);
