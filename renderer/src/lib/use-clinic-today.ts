import { clinicNow } from '#shared/dates.ts';
import { useSettings } from '../api/settings.ts';

/** The clinic's date now, in the clinic's time zone (main's answers carry the same). */
export function useClinicToday(): string | null {
  const timeZone = useSettings().data?.timeZone;
  return timeZone ? clinicNow(timeZone, new Date()).date : null;
}
