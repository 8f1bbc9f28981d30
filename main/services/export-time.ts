import { localToUtcIso } from '../../preload/dates.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Minutes east of UTC that the clinic's wall clock shows at a local date and time. */
export function offsetMinutesAt(date: string, time: string, timeZone: string): number {
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

/** A stored UTC timestamp shown in the clinic's zone with its offset. */
export function utcToZonedIso(utcIso: string, timeZone: string): string {
  const instant = new Date(utcIso);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  const wall = Date.parse(`${date}T${part('hour')}:${part('minute')}:${part('second')}.000Z`);
  const offset = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${part('hour')}:${part('minute')}:${part('second')}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
