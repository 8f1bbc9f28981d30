import type { StaffRole } from '#contract/fields.ts';
import { roleLabels } from '../../lib/strings.ts';

export const authStrings = {
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your staff email and password.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    invalidCredentials: 'That email and password do not match an active staff account. Check them and try again.',
    accountLocked:
      'This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an admin to reset your password.',
    accountLockedUntil: (time: string) =>
      `This account is locked after too many failed sign-ins. Try again after ${time}, or ask an admin to reset your password.`,
    failedTitle: 'You are not signed in',
  },
  lock: {
    title: 'Screen locked',
    signedInAs: (name: string, role: StaffRole) => `${name} (${roleLabels[role]}) is signed in on this screen.`,
    intro: 'Enter your password to continue where you left off.',
    password: 'Password',
    unlock: 'Unlock',
    signOut: 'Sign out',
  },
  session: {
    ended: 'Your session has ended. Sign in again to continue.',
    signedOut: 'You were signed out on this screen.',
    deactivated: 'Your account was deactivated by an admin, so you have been signed out.',
    restored: (when: string, by: string | null) =>
      `The database was restored from the backup of ${when} by ${by ?? 'an admin'}. Sign in again.`,
    restoredUnknown: 'The database was restored from a backup. Sign in again.',
  },
  changePassword: {
    title: 'Change password',
    current: 'Current password',
    next: 'New password',
    confirm: 'Confirm new password',
    mismatch: 'The two new passwords do not match.',
    submit: 'Change password',
    cancel: 'Cancel',
    done: 'Your password was changed.',
  },
};
