import { TZDate } from '@date-fns/tz';

// Calendar helpers for local clinic dates ('YYYY-MM-DD') and times ('HH:MM'). Calendar
// arithmetic runs on UTC midnights, so it never meets a DST gap; only the conversion of a
// local date and time to a UTC timestamp uses the clinic's time zone.

const pad = (n: number): string => String(n).padStart(2, '0');

function parseDate(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`Not a date: ${date}`);
  return { y, m, d };
}

export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const { y, m, d } = parseDate(date);
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return clinicNow(timeZone, now).date;
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseDate(date);
  const utc = new Date(Date.UTC(y, m - 1, d + days));
  return `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}

/** 0 = Sunday ... 6 = Saturday */
export function weekday(date: string): number {
  const { y, m, d } = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const timeToMinutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export const minutesToTime = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** UTC offsets by time zone and wall-clock hour: the Intl lookup behind TZDate is slow in bulk. */
const offsetCache = new Map<string, number>();

/**
 * The UTC ISO-8601 instant of a local clinic date and time (plus optional extra minutes).
 * Offsets are looked up once per local hour, which is exact wherever DST moves on the hour.
 */
export function localToUtcIso(date: string, time: string, timeZone: string, plusMinutes = 0): string {
  const { y, m, d } = parseDate(date);
  const wall = Date.UTC(y, m - 1, d, 0, timeToMinutes(time) + plusMinutes);
  const hour = Math.floor(wall / 3_600_000) * 3_600_000;
  const key = `${timeZone}|${hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const h = new Date(hour);
    offset =
      new TZDate(h.getUTCFullYear(), h.getUTCMonth(), h.getUTCDate(), h.getUTCHours(), 0, timeZone).getTime() - hour;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return new Date(wall + offset).toISOString();
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    if (wallClockFormats.size < 100) wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The clinic's current local date and time ('YYYY-MM-DD', 'HH:MM'). */
export function clinicNow(timeZone: string, now: Date): { date: string; time: string } {
  const parts = wallClockFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/**
 * Whether a wall-clock time happens on that date in the zone: false inside a spring-forward
 * gap (02:30 on the day clocks jump from 02:00 to 03:00). Fall-back times exist (twice).
 */
export function wallTimeExists(date: string, time: string, timeZone: string): boolean {
  const instant = new Date(localToUtcIso(date, time, timeZone));
  const seen = clinicNow(timeZone, instant);
  return seen.date === date && seen.time === time;
}

/** Monday of the week that contains `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}
