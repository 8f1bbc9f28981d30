// What the app and the frame use from auth: the sign-in screen and session sync (app gate),
// the idle lock and lock overlay, lock and sign-out actions, and the change-password dialog.
export { ChangePasswordDialog } from './ChangePasswordDialog.tsx';
export { IdleLock } from './IdleLock.tsx';
export { LockOverlay } from './LockOverlay.tsx';
export { SignInScreen } from './SignInScreen.tsx';
export { useLockNow, useSignOut } from './session-actions.ts';
export { useSessionSync } from './use-session-sync.ts';
