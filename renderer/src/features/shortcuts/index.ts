// What the frame uses from shortcuts: the key bindings and the "?" dialog listing them.
export { ShortcutsDialog } from './ShortcutsDialog.tsx';
export { useShortcuts } from './use-shortcuts.ts';
