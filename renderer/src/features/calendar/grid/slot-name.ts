import type { SlotView } from '#contract/schedule.ts';
import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { formatTime } from '../../../lib/date-format.ts';
import { appointmentStatusLabel } from '../../../lib/appointment-status.ts';
import { calendarStrings } from '../strings.ts';
import { lookOf } from './slot-look.ts';

const { slotName, stateWords } = calendarStrings;

/**
 * What the cell says beside its state word: the block's or the leave's own reason ("Team
 * meeting"), else main's sentence on why the slot cannot be booked.
 */
export function slotDetail(slot: SlotView, leaveReason: string | null = null): string | null {
  if (slot.state === 'blocked') return slot.blockedReason ?? slot.unavailableReason;
  if (slot.state === 'leave' && leaveReason) return leaveReason;
  return slot.unavailableReason;
}

/**
 * The accessible name of a cell, e.g. "Dr Mensah, 09:30 to 09:45, blocked: Team meeting".
 * `who` is the column: the doctor in the day view, the date in the week view.
 */
export function slotAccessibleName(
  who: string,
  slot: SlotView,
  timeFormat: TimeFormat,
  leaveReason: string | null = null,
): string {
  const start = formatTime(slot.startTime, timeFormat);
  const end = formatTime(slot.endTime, timeFormat);
  if (slot.appointment) {
    const { patientName, status } = slot.appointment;
    return slotName.booked(who, start, end, patientName, appointmentStatusLabel(status));
  }
  const look = lookOf(slot);
  if (look === 'free') return slotName.free(who, start, end);
  const word = stateWords[look];
  const detail = slotDetail(slot, leaveReason);
  return detail ? slotName.detail(who, start, end, word, detail) : slotName.plain(who, start, end, word);
}
