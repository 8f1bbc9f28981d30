import type { SlotView } from '#contract/schedule.ts';
import { calendarStrings } from '../strings.ts';

// What may be picked up and where it may be dropped. Main checks the same again when the move is
// sent (a slot can be taken at another desk meanwhile); these rules only keep the desk from
// asking for a reason for a move that cannot happen, and say why where the drop happened.

const strings = calendarStrings.drag;

/** Only a scheduled appointment moves (main refuses the others: they have started or ended). */
export const isMovable = (slot: SlotView): boolean => slot.appointment?.status === 'scheduled';

/** Why an appointment cannot be picked up from this slot, or null when it can. */
export function whyNotPickUp(slot: SlotView): string | null {
  if (!slot.appointment) return strings.nothingToMove;
  return isMovable(slot) ? null : strings.notMovable;
}

export type DropVerdict = { kind: 'allowed' } | { kind: 'same' } | { kind: 'refused'; reason: string };

/**
 * Whether the appointment in `source` may go to `target`: a free slot that can be booked. The
 * reason for a refusal is main's own why-not sentence for the slot (taken, past, blocked, the
 * doctor on leave or not taking bookings), the same the grid's hint shows.
 */
export function dropVerdict(source: SlotView, target: SlotView): DropVerdict {
  if (target.availabilityId === source.availabilityId) return { kind: 'same' };
  if (target.state === 'free' && target.unavailableReason === null) return { kind: 'allowed' };
  return { kind: 'refused', reason: target.unavailableReason ?? calendarStrings.state.unbookable };
}
