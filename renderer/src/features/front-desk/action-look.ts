import type { AppointmentAction } from './appointment-rules.ts';
import { deskStrings } from './strings.ts';

const strings = deskStrings.actions;

/** Each action's word, its accessible name (with the patient) and whether it is a step of the visit. */
export const ACTION_LOOK: Record<
  AppointmentAction,
  { text: string; label: (patient: string) => string; color?: string; primary?: boolean }
> = {
  checkIn: { text: strings.checkIn, label: strings.checkInLabel, primary: true },
  start: { text: strings.start, label: strings.startLabel, primary: true },
  complete: { text: strings.complete, label: strings.completeLabel, primary: true },
  noShow: { text: strings.noShow, label: strings.noShowLabel, color: 'orange' },
  reschedule: { text: strings.reschedule, label: strings.rescheduleLabel },
  cancel: { text: strings.cancel, label: strings.cancelLabel, color: 'red' },
  undo: { text: strings.undo, label: strings.undoLabel },
};
