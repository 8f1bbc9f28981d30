// What the app gate uses from setup: the first-run screen.
export { SetupScreen } from './SetupScreen.tsx';
