// PostgreSQL's patient search (SQLite's is the FTS5 table of migration 0005). One expression,
// used by the migration's trigram index and by the search query: PostgreSQL uses an
// expression index only for a query that spells the same expression, so never change it
// here without a migration that rebuilds the index. Every part is immutable, as an index needs
// (`user_id::text`, not `|| user_id`, whose implicit cast is only stable).
export const PG_PATIENT_HAYSTACK =
  "(lower(name) || ' ' || coalesce(phone, '') || ' ' || coalesce(lower(email), '') || ' p' || user_id::text)";
