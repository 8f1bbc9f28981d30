// Search by ID number and insurance member number (migration 0022 and patient search). The
// key is the number without spaces, dashes, dots and slashes, in upper case: "ab 123-456"
// finds "AB123456". One expression, used by the migration's indexes and by the search query:
// a database uses an expression index only for a query that spells the same expression, so
// never change it here without a migration that rebuilds the indexes. The contract lets only
// ASCII letters, digits and those separators in, so SQL's upper() and JavaScript's agree.
// PostgreSQL compares the key byte by byte (COLLATE "C") so a prefix is one key range under
// any server locale.

export const IDENTIFIER_COLUMNS = ['id_number', 'insurance_member_number'] as const;
export type IdentifierColumn = (typeof IDENTIFIER_COLUMNS)[number];

export function identifierKeySql(column: IdentifierColumn, postgres: boolean): string {
  const key = `upper(replace(replace(replace(replace(${column}, ' ', ''), '-', ''), '.', ''), '/', ''))`;
  return postgres ? `(${key} COLLATE "C")` : key;
}

/** The same key in JavaScript, for what was typed. */
export const identifierKey = (text: string): string => text.toUpperCase().replace(/[\s./-]/g, '');
