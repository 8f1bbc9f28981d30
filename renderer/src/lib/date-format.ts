import type { TimeFormat } from './clinic-time.ts';

// Clinic dates ('YYYY-MM-DD') and times ('HH:MM') are wall-clock values in the clinic's time
// zone already. They are formatted as UTC instants with timeZone 'UTC', so the computer's own
// time zone can never shift them by a day or an hour.

function utcOf(date: string, time = '00:00'): Date {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

function safeFormat(options: Intl.DateTimeFormatOptions, value: Date, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(value);
  } catch {
    return value.toISOString().slice(0, 10);
  }
}

/** "09:30" or "9:30 AM", following the clinic's 12/24-hour setting. */
export function formatTime(time: string, timeFormat: TimeFormat, locale?: string): string {
  if (timeFormat === '24h') return time;
  return safeFormat({ hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }, utcOf('2000-01-01', time), locale);
}

/** "Wednesday, 26 November 2025": always with the weekday. */
export const formatDateLong = (date: string, locale?: string): string =>
  safeFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, utcOf(date), locale);

/** "Wed, 26 Nov 2025". */
export const formatDateMedium = (date: string, locale?: string): string =>
  safeFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, utcOf(date), locale);

/** "Wed 26 Nov", for column headers. */
export const formatDateShort = (date: string, locale?: string): string =>
  safeFormat({ weekday: 'short', day: 'numeric', month: 'short' }, utcOf(date), locale);

/** Weekday names by JavaScript number (0 = Sunday), short ("Mon") or long ("Monday"). */
export function weekdayName(day: number, style: 'short' | 'long', locale?: string): string {
  // 2024-01-07 was a Sunday.
  return safeFormat({ weekday: style }, utcOf(`2024-01-${String(7 + day).padStart(2, '0')}`), locale);
}

/** Monday first, as clinics plan their week. */
export const WEEKDAYS_MONDAY_FIRST: readonly number[] = [1, 2, 3, 4, 5, 6, 0];
