import { localToUtcIso } from '#shared/dates.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Minutes east of UTC that the clinic's wall clock shows at a local date and time. */
function offsetMinutesAt(date: string, time: string, timeZone: string): number {
  const wall = Date.parse(`${date}T${time}:00.000Z`);
  const instant = Date.parse(localToUtcIso(date, time, timeZone));
  return Math.round((wall - instant) / 60_000);
}

/**
 * A local clinic date and time as ISO 8601 with the zone's offset at that moment,
 * e.g. 2026-03-30T09:00:00+01:00 (FHIR's dateTime/instant format).
 */
export function zonedIso(date: string, time: string, timeZone: string): string {
  const offset = offsetMinutesAt(date, time, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
