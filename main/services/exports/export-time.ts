import { clinicNow, localToUtcIso, offsetMinutesAtInstant, timeToMinutes } from '#shared/dates.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An instant as ISO 8601 in the clinic zone's wall time with that moment's offset,
 * e.g. 2026-03-30T09:00:00+01:00 (FHIR's dateTime/instant format).
 */
export function zonedIsoAt(instant: number, timeZone: string): string {
  const offset = offsetMinutesAtInstant(instant, timeZone);
  const { date, time } = clinicNow(timeZone, new Date(instant));
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A local clinic date and time as zonedIsoAt's ISO 8601 (a repeated wall time is its first occurrence). */
export function zonedIso(date: string, time: string, timeZone: string): string {
  return zonedIsoAt(Date.parse(localToUtcIso(date, time, timeZone)), timeZone);
}

/**
 * A slot's (or an appointment's) start and end instants: the start by the wall-clock rule,
 * the end the slot's length later. On a fall-back day the end's wall time alone would be
 * read at its other offset (02:30–03:00 in Berlin would last 90 minutes); the length is what
 * the clinic booked.
 */
export function slotInstants(
  date: string,
  start: string,
  end: string,
  timeZone: string,
): { start: number; end: number } {
  const startMs = Date.parse(localToUtcIso(date, start, timeZone));
  return { start: startMs, end: startMs + (timeToMinutes(end) - timeToMinutes(start)) * 60_000 };
}
