import { roleMayUse } from '#contract/channel.ts';
import { mayMoveTo, type Appointment } from '#contract/front-desk.ts';
import { contract, type ChannelName } from '#contract/index.ts';
import { timeToMinutes } from '#shared/dates.ts';
import { canMove, OPEN_STATUSES, type StatusMoveTarget } from '#shared/statuses.ts';
import type { ClinicMoment, Viewer } from '../../lib/use-desk-format.ts';

// What the desk may do with an appointment, and how late or long-waiting it is. Main refuses
// anything else anyway; these rules only decide which buttons are shown.

export type AppointmentAction = 'checkIn' | 'start' | 'complete' | 'noShow' | 'cancel' | 'reschedule' | 'undo';

/** A patient counts as late this many minutes after the start time. */
export const LATE_AFTER_MINUTES = 10;

const started = (a: Appointment, now: ClinicMoment): boolean =>
  a.date < now.date || (a.date === now.date && a.time <= now.time);

export function allowedActions(a: Appointment, viewer: Viewer, now: ClinicMoment): AppointmentAction[] {
  // Who may do what is the contract's rule; a doctor acts only on their own appointments.
  const inScope = viewer.role !== 'doctor' || a.doctorId === viewer.userId;
  const may = (to: StatusMoveTarget) => inScope && mayMoveTo(viewer.role, to) && canMove(a.status, to);
  const mayCall = (channel: ChannelName) => roleMayUse(contract[channel].access, viewer.role);
  const actions: AppointmentAction[] = [];
  if (may('checked_in') && a.date === now.date) actions.push('checkIn');
  if (may('in_consultation')) actions.push('start');
  if (may('completed')) actions.push('complete');
  if (may('no_show') && a.status === 'scheduled' && started(a, now)) actions.push('noShow');
  if (mayCall('appointments.reschedule') && a.status === 'scheduled') actions.push('reschedule');
  if (may('cancelled')) actions.push('cancel');
  if (mayCall('appointments.undoLastStep') && a.status !== 'scheduled') actions.push('undo');
  return actions;
}

/** Minutes past the start time of a scheduled appointment that nobody checked in, or null. */
export function minutesLate(a: Appointment, now: ClinicMoment): number | null {
  if (a.status !== 'scheduled' || a.date !== now.date) return null;
  const late = timeToMinutes(now.time) - timeToMinutes(a.time);
  return late > LATE_AFTER_MINUTES ? late : null;
}

/** Late at least the clinic's likely no-show minutes (a setting), still not checked in. */
export const isLikelyNoShow = (minutesLateNow: number | null, likelyNoShowMinutes: number): boolean =>
  minutesLateNow !== null && minutesLateNow >= likelyNoShowMinutes;

/** The actions the board offers as the row's one visible button: the visit's next step. */
const NEXT_STEPS: readonly AppointmentAction[] = ['checkIn', 'start', 'complete'];

/** The row's one visible action (the next step of the visit), and the rest for its menu. */
export function splitActions(actions: readonly AppointmentAction[]): {
  primary: AppointmentAction | null;
  more: AppointmentAction[];
} {
  const primary = actions.find((a) => NEXT_STEPS.includes(a)) ?? null;
  return { primary, more: actions.filter((a) => a !== primary) };
}

/** Whole minutes since check-in, for patients still in the waiting room. */
export function minutesWaiting(a: Appointment, now: Date): number | null {
  if (a.status !== 'checked_in' || !a.checkedInAt) return null;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(a.checkedInAt)) / 60_000));
}

const LIVE: ReadonlySet<string> = new Set(OPEN_STATUSES);

/** Still to come: later days, or today and not finished. */
export const isUpcoming = (a: Appointment, today: string): boolean =>
  a.date > today || (a.date === today && LIVE.has(a.status));

export const byTime = (a: Appointment, b: Appointment): number =>
  a.date.localeCompare(b.date) || a.time.localeCompare(b.time);
