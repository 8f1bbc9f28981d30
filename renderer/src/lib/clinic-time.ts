export type TimeFormat = '24h' | '12h';

/** "Wednesday 26 November, 14:05" in the clinic's time zone and 12/24-hour setting. */
export function formatClinicDateTime(date: Date, timeZone: string, timeFormat: TimeFormat, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: timeFormat === '12h' ? 'h12' : 'h23',
    }).format(date);
  } catch {
    return date.toLocaleString(locale);
  }
}

/** A time of day on this computer, for messages shown before settings are known (sign-in). */
export function formatLocalTime(iso: string, locale?: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
}
