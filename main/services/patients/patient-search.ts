import { sql, type Kysely } from 'kysely';
import { dialectOf } from '#db/dialect.ts';
import { PG_PATIENT_HAYSTACK } from '#db/dialect-search.ts';
import { IDENTIFIER_COLUMNS, identifierKey, identifierKeySql } from '#db/identifier-search.ts';
import type { Database } from '#db/schema.ts';

// Patient search, the one query the desk runs on every keystroke. SQLite: a trigram FTS5
// index (migration 0005) finds any 3+ characters anywhere in name, phone, email or number;
// one- and two-letter searches use a name-prefix index; names typed in any word order are
// first looked up by word prefix (migration 0012), which reads far less than the trigrams.
// PostgreSQL: the same text under a pg_trgm index (migration 0005), searched with LIKE.
// On both, an ID or insurance member number typed from its start is one range of a partial
// index on its key (migration 0022), looked up beside the phone search.

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

/**
 * The patient numbers that a typed "P-00034" is the start of, as id ranges: printed numbers
 * have six digits at least (P-000342), longer ones no leading zero (P-1000342).
 */
export function numberPrefixRanges(digits: string): [number, number][] {
  const typed = Number(digits);
  const ranges: [number, number][] = [];
  for (let length = Math.max(digits.length, 6); length <= 9; length++) {
    const scale = 10 ** (length - digits.length);
    const low = length > 6 ? Math.max(typed * scale, 10 ** (length - 1)) : typed * scale;
    const high = Math.min((typed + 1) * scale, 10 ** length);
    if (low < high) ranges.push([low, high]);
  }
  return ranges;
}

async function byNumberPrefix(db: Kysely<Database>, digits: string, limit: number): Promise<number[]> {
  // One plain key range at a time (an OR of ranges made SQLite scan every patient).
  const ids: number[] = [];
  for (const [low, high] of numberPrefixRanges(digits)) {
    if (ids.length >= limit) break;
    const rows = await db
      .selectFrom('patients')
      .select('patient_id')
      .where('patient_id', '>=', low)
      .where('patient_id', '<', high)
      .orderBy('patient_id')
      .limit(limit - ids.length)
      .execute();
    for (const r of rows) ids.push(r.patient_id);
  }
  return ids;
}

/** Patients whose name starts with the text (ASCII only: SQLite's lower() folds nothing else). */
async function byNamePrefix(db: Kysely<Database>, prefix: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('user_id')
    // A literal, not a bound value: SQLite uses a partial index only when it can see the constant.
    .where(sql<boolean>`role = 'patient'`)
    .where(sql<boolean>`lower(name) >= ${prefix} AND lower(name) < ${nextPrefix(prefix)}`)
    .orderBy(sql`lower(name)`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function searchPatientIds(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
  // "P-00034" as printed on cards, typed so far: a range of numbers, not a text search.
  const typedNumber = /^p-(\d{1,9})$/i.exec(query.trim());
  if (typedNumber) return byNumberPrefix(db, typedNumber[1] ?? '', limit);
  // A card's number (letters and digits, 3 or more): the patients whose ID or insurance member
  // number starts with it come first, then whatever the text search finds.
  const idHits = await byIdentifierPrefix(db, query, limit);
  if (idHits.length >= limit) return idHits;
  return mergeHits(idHits, await searchText(db, query, limit), limit);
}

async function searchText(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
  // Names are typed from the start ("anna per"): the name index answers at once, and when it
  // has a page of hits the trigram search (which also finds the middle of names) is not needed.
  const namePrefix = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const prefixHits =
    namePrefix.length >= 3 && /^[a-z][a-z '.-]*$/.test(namePrefix) ? await byNamePrefix(db, namePrefix, limit) : [];
  if (prefixHits.length >= limit) return prefixHits;
  // Then every word the start of a name word, in any order ("perera mar"): a page of those
  // is enough; fewer, and the trigram search adds the names that contain the words.
  const wordHits = mergeHits(prefixHits, await byNameWords(db, query, limit), limit);
  if (wordHits.length >= limit) return wordHits;
  return mergeHits(wordHits, await searchAnywhere(db, query, limit), limit);
}

/** The key of a typed card number, or null when the text does not look like one. */
export function typedIdentifierKey(query: string): string | null {
  const text = query.trim();
  if (!/^[A-Za-z0-9 ./-]+$/.test(text) || !/\d/.test(text)) return null;
  const key = identifierKey(text);
  return key.length >= 3 ? key : null;
}

async function byIdentifierPrefix(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
  const key = typedIdentifierKey(query);
  if (key === null) return [];
  const postgres = dialectOf(db) === 'postgres';
  const ids: number[] = [];
  for (const column of IDENTIFIER_COLUMNS) {
    // The key's expression spelled as in the index, and the column's IS NOT NULL as its WHERE.
    const keySql = sql.raw(identifierKeySql(column, postgres));
    const rows = await db
      .selectFrom('patients')
      .select('patient_id')
      .where(sql<boolean>`${sql.ref(column)} IS NOT NULL AND ${keySql} >= ${key} AND ${keySql} < ${nextPrefix(key)}`)
      .orderBy('patient_id')
      .limit(limit)
      .execute();
    for (const r of rows) if (!ids.includes(r.patient_id)) ids.push(r.patient_id);
  }
  return ids.slice(0, limit);
}

function mergeHits(first: readonly number[], then: readonly number[], limit: number): number[] {
  if (first.length === 0) return then.slice(0, limit);
  const seen = new Set(first);
  return [...first, ...then.filter((id) => !seen.has(id))].slice(0, limit);
}

/** The words of a typed name, as the word index splits them (letters and digits). */
export function nameWords(query: string): string[] {
  if (!/^[\p{L}\p{M}\s'’.-]+$/u.test(query)) return [];
  const words = query.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
  return words.some((w) => w.length >= 3) ? words : [];
}

/**
 * Patients with a name word starting with each typed word, in any order (SQLite's word
 * index, accents folded); in patient-number order like the trigram search, the LIMIT inside
 * the index query so it stops at the first page.
 */
async function byNameWords(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
  const words = nameWords(query);
  if (words.length === 0) return [];
  if (dialectOf(db) === 'postgres') return byNameWordsPostgres(db, words, limit);
  const match = words.map((w) => `${quoteFts(w)}*`).join(' AND ');
  const result = await sql<SearchHit>`
    SELECT rowid AS user_id FROM patient_search_words WHERE patient_search_words MATCH ${match}
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.user_id);
}

async function searchAnywhere(db: Kysely<Database>, query: string, limit: number): Promise<number[]> {
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
    return first ? byNamePrefix(db, first, limit) : [];
  }
  if (dialectOf(db) === 'postgres') return searchPostgres(db, tokens, limit, nameWords(query).length > 0);
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

/**
 * PostgreSQL: the same word starts (accents as typed), found through the trigram index (each
 * word a substring of the haystack) and checked against the name's word boundaries. The
 * words hold only letters and digits, so they are safe inside the regular expression.
 */
async function byNameWordsPostgres(db: Kysely<Database>, words: readonly string[], limit: number): Promise<number[]> {
  const haystack = sql.raw(PG_PATIENT_HAYSTACK);
  const lowered = words.map((w) => w.toLowerCase());
  const conditions = sql.join(
    // LIKE only for words of three letters or more: the trigram index cannot help shorter ones.
    lowered.map((w) =>
      w.length >= 3
        ? sql`${haystack} LIKE ${likePattern(w)} AND lower(name) ~ ${`\\m${w}`}`
        : sql`lower(name) ~ ${`\\m${w}`}`,
    ),
    sql` AND `,
  );
  const result = await sql<SearchHit>`
    SELECT user_id FROM users WHERE role = 'patient' AND ${conditions}
    ORDER BY user_id LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.user_id);
}

const likePattern = (token: string): string => `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** PostgreSQL: every word a substring of the haystack, in patient-number order like FTS5's rowid order. */
async function searchPostgres(
  db: Kysely<Database>,
  tokens: readonly string[],
  limit: number,
  afterNameStages: boolean,
): Promise<number[]> {
  const haystack = sql.raw(PG_PATIENT_HAYSTACK);
  const words = sql.join(
    tokens.map((t) => sql`${haystack} LIKE ${likePattern(t)}`),
    sql` AND `,
  );
  // The planner guesses every LIKE matches 1 % of patients and walks the patient-number index
  // until it has a page, which reads every patient when the hits are few (300 ms at 100,000).
  // Few is likely when the name stages came back short, or for a word of four letters or
  // digits or more: then order by an expression, so it takes the trigram index and sorts the
  // hits (same order). Common three-letter words keep the early stop.
  const rare = afterNameStages || tokens.some((t) => t.length >= 4);
  const order = rare ? sql`user_id + 0` : sql`user_id`;
  // `role = 'patient'` as a literal so the planner matches the partial trigram index.
  const result = await sql<SearchHit>`
    SELECT user_id FROM users WHERE role = 'patient' AND ${words}
    ORDER BY ${order} LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => r.user_id);
}
