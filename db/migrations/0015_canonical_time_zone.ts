import { sql, type Kysely } from 'kysely';

// Frozen once landed. The clinic's time zone is stored by its canonical IANA name: the zone
// list used to offer ICU's old names (Asia/Calcutta) and the field kept what was typed
// (europe/berlin), while exports wrote the canonical name in the VTIMEZONE. A stored name is
// rewritten once here: Intl gives its case and link target, this frozen copy of the rename
// map (preload/shared/time-zones.ts at the time) its current IANA name. A value Intl does not
// know or a bare offset (+05:30) is left for an administrator to choose again in Settings.

const RENAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

function canonical(stored: string): string | null {
  const typed = stored.trim();
  if (!/^[A-Za-z]/.test(typed)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
    if (!/^[A-Za-z]/.test(resolved)) return null;
    return RENAMES[resolved] ?? resolved;
  } catch {
    return null;
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const result = await sql<{ time_zone: string }>`SELECT time_zone FROM settings WHERE id = 1`.execute(db);
  const stored = result.rows[0]?.time_zone;
  const name = stored === undefined ? null : canonical(stored);
  if (name !== null && name !== stored) {
    await sql`UPDATE settings SET time_zone = ${name} WHERE id = 1`.execute(db);
  }
}

/** The old spelling is not kept: going back leaves the canonical name, which Intl reads too. */
export async function down(): Promise<void> {}
