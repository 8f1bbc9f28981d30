import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect.ts';
import { PG_PATIENT_HAYSTACK } from '../../db/dialect-search.ts';
import type { Database } from '../../db/schema.ts';

// Patient search, the one query the desk runs on every keystroke. SQLite: a trigram FTS5
// index (migration 0005) finds any 3+ characters anywhere in name, phone, email or number;
// one- and two-letter searches use a name-prefix index. PostgreSQL: the same text under a
// pg_trgm index (migration 0005), searched with LIKE, same results.

export interface SearchHit {
  user_id: number;
}

const quoteFts = (token: string): string => `"${token.replace(/"/g, '""')}"`;

/** The user's words as search tokens: lower case; phone-like words reduced to their digits. */
export function searchTokens(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (/\d/.test(word) && /^[+\d().-]+$/.test(word) ? word.replace(/\D/g, '') : word))
    .filter((word) => word.length > 0);
}

function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

export async function searchPatientIds(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
  const numberMatch = /^p-?0*(\d{1,9})$/i.exec(query.trim());
  if (numberMatch) {
    const id = Number(numberMatch[1]);
    const found = await db.selectFrom('patients').select('patient_id').where('patient_id', '=', id).execute();
    if (found.length > 0) return [id];
  }
  const tokens = searchTokens(query);
  const long = tokens.filter((t) => t.length >= 3);
  const short = tokens.filter((t) => t.length < 3);
  if (long.length === 0) {
    const first = short[0];
    if (!first) return [];
    const rows = await db
      .selectFrom('users')
      .select('user_id')
      // A literal, not a bound value: SQLite uses a partial index only when it can see the constant.
      .where(sql<boolean>`role = 'patient'`)
      .where(sql<boolean>`lower(name) >= ${first} AND lower(name) < ${nextPrefix(first)}`)
      .orderBy(sql`lower(name)`)
      .limit(limit)
      .execute();
    return rows.map((r) => r.user_id);
  }
  if (dialectOf(db) === 'postgres') return searchPostgres(db, tokens, limit);
  const match = long.map(quoteFts).join(' AND ');
  // Short words narrow the trigram hits by substring.
  const shortFilter =
    short.length === 0
      ? sql``
      : sql` AND ${sql.join(
          short.map((t) => sql`instr(haystack, ${t}) > 0`),
          sql` AND `,
        )}`;
  // No ORDER BY rank: ranking every hit of a common name costs tens of milliseconds at a
  // million patients; the first hits come back at once, and typing more narrows them.
  const result = await sql<SearchHit>`
    SELECT rowid AS user_id FROM patient_search
    WHERE patient_search MATCH ${match}${shortFilter}
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.user_id);
}

const likePattern = (token: string): string => `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** PostgreSQL: every word a substring of the haystack, in patient-number order like FTS5's rowid order. */
async function searchPostgres(db: Kysely<Database>, tokens: readonly string[], limit: number): Promise<number[]> {
  const haystack = sql.raw(PG_PATIENT_HAYSTACK);
  const words = sql.join(
    tokens.map((t) => sql`${haystack} LIKE ${likePattern(t)}`),
    sql` AND `,
  );
  // `role = 'patient'` as a literal so the planner matches the partial trigram index.
  const result = await sql<SearchHit>`
    SELECT user_id FROM users WHERE role = 'patient' AND ${words}
    ORDER BY user_id LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.user_id);
}
