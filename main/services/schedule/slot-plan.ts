import { addDays, localToUtcIso, minutesToTime, timeToMinutes, wallTimeExists, weekday } from '#shared/dates.ts';
import type { ExceptionRow, TemplateRow } from '#db/schema.ts';

// Pure planning of the slots that templates and exceptions ask for on a range of dates.
// Times are wall-clock in the clinic's zone: on a spring-forward day the slots inside the
// gap do not exist and are not planned; on a fall-back day each wall time is planned once.

export interface PlannedSlot {
  date: string;
  start: string;
  end: string;
  source: 'template' | 'extra';
}

export const slotKey = (date: string, start: string, end: string): string => `${date}|${start}|${end}`;

export function hasWeekday(mask: number, day: number): boolean {
  return ((mask >> day) & 1) === 1;
}

export function weekdaysToMask(days: readonly number[]): number {
  return days.reduce((mask, day) => mask | (1 << day), 0);
}

export function maskToWeekdays(mask: number): number[] {
  return [0, 1, 2, 3, 4, 5, 6].filter((day) => hasWeekday(mask, day));
}

const transitionCache = new Map<string, boolean>();

/** True when the UTC offset changes during the day (a DST transition). */
function dayHasTransition(date: string, timeZone: string): boolean {
  const key = `${timeZone}|${date}`;
  let known = transitionCache.get(key);
  if (known === undefined) {
    known = offsetChanges(date, timeZone);
    if (transitionCache.size > 100_000) transitionCache.clear();
    transitionCache.set(key, known);
  }
  return known;
}

function offsetChanges(date: string, timeZone: string): boolean {
  const start = Date.parse(localToUtcIso(date, '00:00', timeZone));
  const next = Date.parse(localToUtcIso(addDays(date, 1), '00:00', timeZone));
  return next - start !== 24 * 3_600_000;
}

/** Whether every minute of [start, end) happens on the wall clock that day. */
function slotExists(date: string, start: number, end: number, timeZone: string): boolean {
  return wallTimeExists(date, minutesToTime(start), timeZone) && wallTimeExists(date, minutesToTime(end - 1), timeZone);
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean =>
  aStart < bEnd && bStart < aEnd;

function overlapsAny(taken: readonly [number, number][], count: number, start: number, end: number): boolean {
  for (let i = 0; i < count; i++) {
    const range = taken[i];
    if (range && overlaps(start, end, range[0], range[1])) return true;
  }
  return false;
}

/** Leave on a date as minute ranges ([0, 1440) for a whole day). */
function leaveRanges(leave: readonly ExceptionRow[], date: string): [number, number][] {
  return leave
    .filter((e) => e.start_date <= date && date <= e.end_date)
    .map((e) => (e.start_time && e.end_time ? [timeToMinutes(e.start_time), timeToMinutes(e.end_time)] : [0, 24 * 60]));
}

interface Session {
  start: number;
  end: number;
  step: number;
  source: PlannedSlot['source'];
}

function sessionsOn(date: string, templates: readonly TemplateRow[], extras: readonly ExceptionRow[]): Session[] {
  const day = weekday(date);
  const sessions: Session[] = templates
    .filter((t) => t.valid_from <= date && (t.valid_to === null || date <= t.valid_to) && hasWeekday(t.weekdays, day))
    .map((t) => ({
      start: timeToMinutes(t.start_time),
      end: timeToMinutes(t.end_time),
      step: t.slot_minutes,
      source: 'template',
    }));
  for (const e of extras) {
    if (e.start_date <= date && date <= e.end_date && e.start_time && e.end_time && e.slot_minutes) {
      sessions.push({
        start: timeToMinutes(e.start_time),
        end: timeToMinutes(e.end_time),
        step: e.slot_minutes,
        source: 'extra',
      });
    }
  }
  return sessions;
}

export function planSlots(
  templates: readonly TemplateRow[],
  exceptions: readonly ExceptionRow[],
  from: string,
  to: string,
  timeZone: string,
): PlannedSlot[] {
  const leave = exceptions.filter((e) => e.kind === 'leave');
  const extras = exceptions.filter((e) => e.kind === 'extra');
  const planned: PlannedSlot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const blocked = leaveRanges(leave, date);
    const checkWallClock = dayHasTransition(date, timeZone);
    const taken: [number, number][] = [];
    for (const session of sessionsOn(date, templates, extras)) {
      // A session's own slots never overlap each other: compare only with earlier sessions'.
      const earlier = taken.length;
      for (let start = session.start; start + session.step <= session.end; start += session.step) {
        const end = start + session.step;
        if (blocked.length > 0 && blocked.some(([a, b]) => overlaps(start, end, a, b))) continue;
        // Rules never overlap each other, but an extra session may overlap a rule's slots.
        if (overlapsAny(taken, earlier, start, end)) continue;
        if (checkWallClock && !slotExists(date, start, end, timeZone)) continue;
        taken.push([start, end]);
        planned.push({ date, start: minutesToTime(start), end: minutesToTime(end), source: session.source });
      }
    }
  }
  return planned;
}
