import { useCallback, useMemo } from 'react';
import type { StaffRole } from '#contract/fields.ts';
import { clinicNow } from '#shared/dates.ts';
import { useSession } from '../api/session.ts';
import { useSettings } from '../api/settings.ts';
import { formatClinicDateTime } from './clinic-time.ts';
import { formatDateMedium, formatTime } from './date-format.ts';
import { commonStrings } from './strings.ts';

/** Who is signed in, as the appointment and message rules see them. */
export interface Viewer {
  role: StaffRole;
  userId: number;
}

export interface ClinicMoment {
  date: string;
  time: string;
}

/** Times in the clinic's 12/24-hour setting and dates with their weekday. */
export function useDeskFormat() {
  const settings = useSettings().data;
  const timeFormat = settings?.timeFormat ?? '24h';
  const timeZone = settings?.timeZone ?? 'UTC';
  const time = useCallback((value: string) => formatTime(value, timeFormat), [timeFormat]);
  const when = useCallback(
    (date: string, value: string) => commonStrings.when(formatDateMedium(date), formatTime(value, timeFormat)),
    [timeFormat],
  );
  /** A UTC instant (when something was recorded) in the clinic's time zone. */
  const instant = useCallback(
    (iso: string) => formatClinicDateTime(new Date(iso), timeZone, timeFormat),
    [timeZone, timeFormat],
  );
  return useMemo(() => ({ time, date: formatDateMedium, when, instant }), [time, when, instant]);
}

/** The clinic's local date and time at an instant (the clinic's time zone, not the computer's). */
export function useClinicMoment(now: Date): ClinicMoment | null {
  const timeZone = useSettings().data?.timeZone;
  return timeZone ? clinicNow(timeZone, now) : null;
}

export function useViewer(): Viewer | null {
  const user = useSession().data?.user;
  return user ? { role: user.role, userId: user.userId } : null;
}

export const isDeskRole = (viewer: Viewer | null): boolean =>
  viewer?.role === 'admin' || viewer?.role === 'receptionist';
