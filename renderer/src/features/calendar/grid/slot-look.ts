import {
  IconBan,
  IconBeach,
  IconCalendarPlus,
  IconCircleOff,
  IconHistory,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import type { SlotView } from '../../../../../preload/contract-schedule.ts';
import { calendarStrings } from '../strings.ts';

/** How a slot looks: its own colour, icon and word, so colour is never the only signal. */
export type SlotLook = 'free' | 'unbookable' | 'booked' | 'blocked' | 'leave' | 'past';

export const SLOT_LOOKS: Record<SlotLook, { color: string; icon: Icon; label: string }> = {
  free: { color: 'green', icon: IconCalendarPlus, label: calendarStrings.state.free },
  unbookable: { color: 'yellow', icon: IconCircleOff, label: calendarStrings.state.unbookable },
  booked: { color: 'blue', icon: IconUser, label: calendarStrings.state.booked },
  blocked: { color: 'orange', icon: IconBan, label: calendarStrings.state.blocked },
  leave: { color: 'grape', icon: IconBeach, label: calendarStrings.state.leave },
  past: { color: 'gray', icon: IconHistory, label: calendarStrings.state.past },
};

/** A booked slot in the past still shows its patient; a free one that cannot be booked says so. */
export function lookOf(slot: SlotView): SlotLook {
  if (slot.state === 'free') return slot.unavailableReason ? 'unbookable' : 'free';
  if (slot.state === 'past' && slot.appointment) return 'past';
  return slot.state;
}
