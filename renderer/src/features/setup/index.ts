// What the app gate uses from setup: the first-run screen, and the held start's confirmation.
export { SetupScreen } from './SetupScreen.tsx';
export { UpgradeConfirmScreen } from './UpgradeConfirmScreen.tsx';
export { useUpgradeHold } from './use-upgrade-hold.ts';
