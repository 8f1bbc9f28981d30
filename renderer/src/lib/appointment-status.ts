import {
  IconCalendarEvent,
  IconCircleCheck,
  IconCircleX,
  IconDoorEnter,
  IconStethoscope,
  IconUserExclamation,
  type Icon,
} from '@tabler/icons-react';
import { isAppointmentStatus, type AppointmentStatus } from '#shared/statuses.ts';
import { appointmentStatusLabels } from './strings.ts';

/** One colour and one icon per appointment state, used everywhere; the label is the main signal. */
export const APPOINTMENT_STATUS_LOOK: Record<AppointmentStatus, { color: string; icon: Icon }> = {
  scheduled: { color: 'blue', icon: IconCalendarEvent },
  checked_in: { color: 'teal', icon: IconDoorEnter },
  in_consultation: { color: 'violet', icon: IconStethoscope },
  completed: { color: 'green', icon: IconCircleCheck },
  cancelled: { color: 'gray', icon: IconCircleX },
  no_show: { color: 'orange', icon: IconUserExclamation },
};

/** The label of a status from main; an unknown one is shown as main sent it. */
export const appointmentStatusLabel = (status: string): string =>
  isAppointmentStatus(status) ? appointmentStatusLabels[status] : status;
