// What others use from the frame: the signed-in app (app gate), its sentences (start-up
// screens) and the navigation items (the shortcuts dialog lists their "G then …" keys).
// The plain modules come first: shortcuts imports this file back while SignedInApp loads.
export { navItemsFor } from './nav-items.ts';
export { frameStrings } from './strings.ts';
export { SignedInApp } from './SignedInApp.tsx';
