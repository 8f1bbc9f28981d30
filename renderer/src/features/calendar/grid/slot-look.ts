import {
  IconBan,
  IconBeach,
  IconCalendarPlus,
  IconCircleOff,
  IconHistory,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import type { SlotView } from '#contract/schedule.ts';
import { isAppointmentStatus } from '#shared/statuses.ts';
import { APPOINTMENT_STATUS_LOOK } from '../../../lib/appointment-status.ts';
import { calendarStrings } from '../strings.ts';

/** How a slot looks: its own colour, icon and word, so colour is never the only signal. */
export type SlotLook = 'free' | 'unbookable' | 'booked' | 'blocked' | 'leave' | 'past';

interface Look {
  /** The edge and the icon. */
  color: string;
  /** The fill: a tint of this colour, `tint` percent strong over the page background. */
  fill: string;
  tint: number;
  icon: Icon;
  label: string;
}

// Free slots, the most common, get the calmest fill; the states that need attention the strongest.
export const SLOT_LOOKS: Record<SlotLook, Look> = {
  free: { color: 'green', fill: 'green', tint: 45, icon: IconCalendarPlus, label: calendarStrings.state.free },
  unbookable: {
    color: 'yellow',
    fill: 'gray',
    tint: 70,
    icon: IconCircleOff,
    label: calendarStrings.state.unbookable,
  },
  booked: { color: 'blue', fill: 'blue', tint: 100, icon: IconUser, label: calendarStrings.state.booked },
  blocked: { color: 'orange', fill: 'orange', tint: 70, icon: IconBan, label: calendarStrings.state.blocked },
  leave: { color: 'grape', fill: 'grape', tint: 70, icon: IconBeach, label: calendarStrings.state.leave },
  past: { color: 'gray', fill: 'gray', tint: 60, icon: IconHistory, label: calendarStrings.state.past },
};

/** A booked slot in the past still shows its patient; a free one that cannot be booked says so. */
export function lookOf(slot: SlotView): SlotLook {
  if (slot.state === 'free') return slot.unavailableReason ? 'unbookable' : 'free';
  if (slot.state === 'past' && slot.appointment) return 'past';
  return slot.state;
}

/**
 * The colour and icon a cell is drawn with: a booked slot takes its appointment's status look
 * (the same colour and icon as on the board and the patient page), every other slot its state's.
 */
export function cellLook(slot: SlotView): Omit<Look, 'label'> {
  const own = SLOT_LOOKS[lookOf(slot)];
  const status = slot.appointment?.status;
  if (status === undefined || !isAppointmentStatus(status)) return own;
  const { color, icon } = APPOINTMENT_STATUS_LOOK[status];
  return { color, fill: color, tint: own.tint, icon };
}
