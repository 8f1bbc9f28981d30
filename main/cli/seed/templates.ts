import { addDays, mondayOf, weekday } from '#shared/dates.ts';
import type { Rng } from './prng.ts';

// The demo doctors' weekly schedules, planned before the schedule services create them:
// a weekday morning rule for everyone, a second session for most, one leave week, one extra
// Saturday and a few blocked slots. Pure: the CLI turns these into service calls.

export interface SeedTemplate {
  /** 0 = Sunday ... 6 = Saturday. */
  weekdays: number[];
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

export interface DoctorTemplates {
  doctorId: number;
  templates: SeedTemplate[];
}

export interface SeedLeave {
  doctorId: number;
  startDate: string;
  endDate: string;
  reason: string;
}

export interface SeedExtra {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  reason: string;
}

/** A free slot that may be blocked. */
export interface BlockCandidate {
  availabilityId: number;
  doctorId: number;
  date: string;
  start: string;
  end: string;
}

export interface SeedBlock {
  availabilityId: number;
  reason: string;
}

const SLOT_LENGTHS = [15, 20, 30] as const;
const MORNINGS = { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '12:30' };
const SECOND_SESSIONS: readonly (readonly [Omit<SeedTemplate, 'slotMinutes'> | null, number])[] = [
  [{ weekdays: [2, 4], startTime: '14:00', endTime: '17:00' }, 40],
  [{ weekdays: [1, 3], startTime: '14:00', endTime: '17:30' }, 20],
  [{ weekdays: [6], startTime: '09:00', endTime: '12:00' }, 20],
  [null, 20],
];
const LEAVE_REASONS = ['Annual leave', 'Medical conference', 'Family holiday'] as const;

/** One or two non-overlapping weekly rules per doctor, with a slot length of 15, 20 or 30 minutes. */
export function planTemplates(rng: Rng, doctorIds: readonly number[]): DoctorTemplates[] {
  return doctorIds.map((doctorId) => {
    const slotMinutes = rng.pick(SLOT_LENGTHS);
    const second = rng.weighted(SECOND_SESSIONS);
    const templates = [{ ...MORNINGS, slotMinutes }];
    if (second) templates.push({ ...second, slotMinutes });
    return { doctorId, templates };
  });
}

const worksSaturday = (doctor: DoctorTemplates): boolean => doctor.templates.some((t) => t.weekdays.includes(6));

/**
 * A leave week (Monday to Sunday, the first Monday at least a week after the start) for one
 * doctor, and an extra Saturday morning (the first Saturday after the start) for another who
 * does not work Saturdays, when there is one.
 */
export function planExceptions(
  rng: Rng,
  doctors: readonly DoctorTemplates[],
  startDate: string,
): { leave: SeedLeave | null; extra: SeedExtra | null } {
  if (doctors.length === 0) return { leave: null, extra: null };
  const onLeave = rng.pick(doctors);
  const leaveStart = mondayOf(addDays(startDate, 13));
  const leave = {
    doctorId: onLeave.doctorId,
    startDate: leaveStart,
    endDate: addDays(leaveStart, 6),
    reason: rng.pick(LEAVE_REASONS),
  };
  const free = doctors.filter((d) => !worksSaturday(d));
  const others = free.filter((d) => d.doctorId !== onLeave.doctorId);
  const candidates = others.length > 0 ? others : free;
  if (candidates.length === 0) return { leave, extra: null };
  const extraDoctor = rng.pick(candidates);
  const tomorrow = addDays(startDate, 1);
  const extra = {
    doctorId: extraDoctor.doctorId,
    date: addDays(tomorrow, (6 - weekday(tomorrow) + 7) % 7),
    startTime: '09:00',
    endTime: '12:00',
    slotMinutes: extraDoctor.templates[0]?.slotMinutes ?? 15,
    reason: 'Extra Saturday clinic',
  };
  return { leave, extra };
}

/**
 * A few blocks among free slots (sorted by date, then start): each doctor's first slot on the
 * first day (a Wednesday when there is one) is a team meeting, for up to four doctors; two
 * last-morning slots are lunch.
 */
export function planBlocks(rng: Rng, candidates: readonly BlockCandidate[]): SeedBlock[] {
  const first = candidates.find((c) => weekday(c.date) === 3) ?? candidates[0];
  if (!first) return [];
  const blocks = new Map<number, string>();
  const seenDoctors = new Set<number>();
  for (const c of candidates) {
    if (c.date !== first.date || seenDoctors.has(c.doctorId) || seenDoctors.size >= 4) continue;
    seenDoctors.add(c.doctorId);
    blocks.set(c.availabilityId, 'Team meeting');
  }
  const starts = new Set(candidates.map((c) => `${c.doctorId}|${c.date}|${c.start}`));
  const lastOfMorning = candidates.filter(
    (c) => c.end >= '12:00' && c.end <= '13:00' && !starts.has(`${c.doctorId}|${c.date}|${c.end}`),
  );
  for (let i = 0; i < 2 && lastOfMorning.length > 0; i++) {
    const pick = rng.pick(lastOfMorning);
    if (!blocks.has(pick.availabilityId)) blocks.set(pick.availabilityId, 'Lunch');
  }
  return [...blocks].map(([availabilityId, reason]) => ({ availabilityId, reason }));
}
