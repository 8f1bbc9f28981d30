import type { StaffRole } from '#contract/fields.ts';
import type { AppointmentStatus } from '#shared/statuses.ts';

/** Words shared by several features: role and account-status names. */
export const roleLabels: Record<StaffRole, string> = {
  admin: 'Admin',
  receptionist: 'Receptionist',
  doctor: 'Doctor',
};

export type AccountStatus = 'active' | 'inactive' | 'locked';

export const statusLabels: Record<AccountStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  locked: 'Locked',
};

export const commonStrings = {
  cancel: 'Cancel',
  close: 'Close',
  closeDialog: 'Close dialog',
  closeNotification: 'Close message',
  showHideCharacters: 'Show or hide the characters',
  retry: 'Try again',
  somethingWentWrong: 'Something went wrong while showing this screen.',
  reloadApp: 'Reload the app',
  /** A length of time in whole minutes: "45 min", "1 h 12 min", "3 h". */
  duration: (hours: number, minutes: number) =>
    hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`,
  /** A date and a time of day together (the desk, patient and payment screens). */
  when: (date: string, time: string) => `${date} at ${time}`,
};

/** Appointment states (#shared/statuses.ts), named the same on every screen (calendar, board, patient page, reports). */
export const appointmentStatusLabels: Record<AppointmentStatus, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};
