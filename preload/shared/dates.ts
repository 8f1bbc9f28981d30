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

/** "HH:MM" (any seconds ignored) as minutes since midnight; no arrays: it runs for every slot shown. */
export const timeToMinutes = (time: string): number => {
  const colon = time.indexOf(':');
  if (colon < 0) return Number(time) * 60;
  const next = time.indexOf(':', colon + 1);
  return Number(time.slice(0, colon)) * 60 + Number(time.slice(colon + 1, next < 0 ? time.length : next));
};

export const minutesToTime = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One formatter per zone, to the second, for UTC offsets (historic offsets have seconds). */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset (wall clock minus UTC, in ms) at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    if (offsetFormats.size < 100) offsetFormats.set(timeZone, format);
  }
  const at = instant - (((instant % 1000) + 1000) % 1000);
  const p: Record<string, number> = {};
  let bc = false;
  for (const part of format.formatToParts(at)) {
    if (part.type === 'era') bc = part.value.startsWith('B');
    else if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (p.year ?? 0) : (p.year ?? 0);
  const wall = new Date(0).setUTCFullYear(year, (p.month ?? 1) - 1, p.day ?? 1);
  return wall + ((p.hour ?? 0) * 60 + (p.minute ?? 0)) * 60_000 + (p.second ?? 0) * 1000 - at;
}

/**
 * A local day's offsets: `before` until the UTC instant `change`, `after` from it. Wall times
 * of one day belong to instants within [day − 14 h, day + 36 h); one lookup at each end tells
 * whether the offset changes there, and only then is the change searched for, to the second.
 * (Exact for any transition, 30- and 45-minute ones included; assumes at most one change in
 * those 50 hours, true of every zone since 1970.)
 */
interface DayOffsets {
  before: number;
  after: number;
  change: number;
}

const dayOffsetCache = new Map<string, DayOffsets>();

function dayOffsets(dayStart: number, timeZone: string): DayOffsets {
  const key = `${timeZone}|${dayStart}`;
  let known = dayOffsetCache.get(key);
  if (known === undefined) {
    let lo = dayStart - 15 * HOUR;
    let hi = dayStart + 37 * HOUR;
    const before = offsetAt(lo, timeZone);
    const after = offsetAt(hi, timeZone);
    if (before !== after) {
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetAt(mid, timeZone) === before) lo = mid;
        else hi = mid;
      }
    }
    known = { before, after, change: before === after ? Number.POSITIVE_INFINITY : hi };
    if (dayOffsetCache.size > 100_000) dayOffsetCache.clear();
    dayOffsetCache.set(key, known);
  }
  return known;
}

/**
 * The UTC instant (ms) of a wall-clock time given as ms since the epoch read as UTC.
 * One rule everywhere, RFC 5545's (3.3.5), east and west of UTC alike:
 * - a wall time that happens twice (fall-back) is its FIRST occurrence, the earlier instant;
 * - a wall time that never happens (inside a spring-forward gap) is read with the offset from
 *   before the gap, so 02:30 in a 02:00→03:00 gap is the instant the clock shows 03:30.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const { before, after, change } = dayOffsets(Math.floor(wall / DAY) * DAY, timeZone);
  const early = wall - before;
  if (early < change) return early;
  const late = wall - after;
  // Past the change: the later offset's instant when it exists, else (a gap) the early one.
  return late >= change ? late : early;
}

/**
 * The UTC ISO-8601 instant of a local clinic date and time (plus optional extra wall-clock
 * minutes), resolved by wallToInstant's rule.
 */
export function localToUtcIso(date: string, time: string, timeZone: string, plusMinutes = 0): string {
  const { y, m, d } = parseDate(date);
  const wall = Date.UTC(y, m - 1, d, 0, timeToMinutes(time) + plusMinutes);
  return new Date(wallToInstant(wall, timeZone)).toISOString();
}

/** Minutes east of UTC that the zone's clocks show at an instant (ms). */
export function offsetMinutesAtInstant(instant: number, timeZone: string): number {
  return Math.round(offsetAt(instant, timeZone) / 60_000);
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
