import { timeToMinutes } from '#shared/dates.ts';

/** How much further than the asked number of starts is read when a long type needs runs of slots. */
export const LONG_TYPE_READ_AHEAD = 20;

export interface FreeSlotRow {
  doctor_id: number;
  available_date: string;
  start_time: string;
  end_time: string;
}

/**
 * The first `limit` free slots (in the order given) that start a run of the same doctor's
 * back-to-back free slots at least `minutes` long: where a long appointment type fits.
 * `free` holds every free, bookable slot read, so a run is followed through it.
 */
export function startsOfRuns<T extends FreeSlotRow>(free: readonly T[], minutes: number, limit: number): T[] {
  const byStart = new Map(free.map((slot) => [`${slot.doctor_id}|${slot.available_date}|${slot.start_time}`, slot]));
  const fits = (first: T): boolean => {
    const wantedEnd = timeToMinutes(first.start_time) + minutes;
    let slot: T | undefined = first;
    while (slot) {
      if (timeToMinutes(slot.end_time) >= wantedEnd) return true;
      slot = byStart.get(`${slot.doctor_id}|${slot.available_date}|${slot.end_time}`);
    }
    return false;
  };
  const starts: T[] = [];
  for (const slot of free) {
    if (starts.length >= limit) break;
    if (fits(slot)) starts.push(slot);
  }
  return starts;
}
