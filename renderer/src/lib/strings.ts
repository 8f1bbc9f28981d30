import type { StaffRole } from '../../../preload/schemas.ts';

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
};
