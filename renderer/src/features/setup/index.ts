// What the app gate uses from setup: the first-run screen, and the held start's questions.
export { KeyEntryScreen } from './KeyEntryScreen.tsx';
export { SetupScreen } from './SetupScreen.tsx';
export { UpgradeConfirmScreen } from './UpgradeConfirmScreen.tsx';
export { useKeyHold, useUpgradeHold } from './use-start-hold.ts';
