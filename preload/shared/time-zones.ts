// Clinic time zones: one canonical IANA name per zone, the same in main and the renderer.
// ICU (Node 24's and Chromium's) still answers with some renamed zones' old names
// (Intl.supportedValuesOf('timeZone') lists Asia/Calcutta, resolvedOptions() turns
// Asia/Kolkata into Asia/Calcutta), so its answer goes through this map of IANA renames
// before it is stored, offered in the list, or written to an export's TZID. Only renames are
// here: zones IANA merged with another country's (Europe/Amsterdam into Europe/Brussels)
// keep their own name, as a clinic would choose it.

/** ICU's legacy name → the name IANA uses now. */
export const TIME_ZONE_RENAMES: Readonly<Record<string, string>> = {
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

/** A UTC offset typed instead of a zone (+05:30, -0800, UTC+2, GMT-03): never a clinic zone. */
export function isUtcOffset(value: string): boolean {
  return /^(?:(?:UTC|GMT)\s*)?[+\-\u2212]\s*\d{1,2}(?::?\d{2})?$/i.test(value.trim());
}

/**
 * The canonical IANA name of a time zone as typed or stored (any case, an old name or a
 * link: "europe/berlin" → Europe/Berlin, Asia/Calcutta → Asia/Kolkata, US/Eastern →
 * America/New_York), or null when Intl does not know it or it is a bare UTC offset.
 */
export function canonicalTimeZone(value: string): string | null {
  const typed = value.trim();
  // Intl accepts "+05:30" as a zone; a clinic needs a named zone so DST is followed.
  if (typed === '' || isUtcOffset(typed) || !/^[A-Za-z]/.test(typed)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (!/^[A-Za-z]/.test(resolved)) return null;
  return TIME_ZONE_RENAMES[resolved] ?? resolved;
}

let zoneList: readonly string[] | null = null;

/** Every zone a clinic can choose, by canonical name, sorted, with UTC (ICU leaves it out). */
export function timeZoneNames(): readonly string[] {
  if (!zoneList) {
    const names = new Set(Intl.supportedValuesOf('timeZone').map((zone) => TIME_ZONE_RENAMES[zone] ?? zone));
    names.add('UTC');
    zoneList = [...names].sort();
  }
  return zoneList;
}
