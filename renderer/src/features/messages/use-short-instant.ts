import { useCallback } from 'react';
import { useSettings } from '../../api/settings.ts';

/**
 * A short "when" for lists and messages, in the clinic's zone and 12/24-hour setting:
 * the time alone for today, "26 Nov, 12:15" for other days.
 */
export function useShortInstant(): (iso: string) => string {
  const settings = useSettings().data;
  const timeZone = settings?.timeZone ?? 'UTC';
  const hour12 = settings?.timeFormat === '12h';
  return useCallback(
    (iso: string) => {
      const date = new Date(iso);
      const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(d);
      const sameDay = day(date) === day(new Date());
      return new Intl.DateTimeFormat(undefined, {
        timeZone,
        hour12,
        hour: '2-digit',
        minute: '2-digit',
        ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
      }).format(date);
    },
    [timeZone, hour12],
  );
}
