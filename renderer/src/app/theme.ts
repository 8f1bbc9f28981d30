import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import { commonStrings } from '../lib/strings.ts';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white button text above 4.5:1 contrast in both schemes.
  primaryShade: { light: 8, dark: 8 },
  // A visible outline whenever focus comes from the keyboard.
  focusRing: 'auto',
  // People who ask their computer for less motion get no transitions.
  respectReducedMotion: true,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  components: {
    Modal: {
      defaultProps: { centered: true, closeButtonProps: { 'aria-label': commonStrings.closeDialog } },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    // A closed dropdown leaves the page: Mantine would keep its listbox mounted (hidden) and
    // labelled like the field, so finding "Role" by its label would find two elements.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': commonStrings.closeNotification } } },
    // Typing into a searchable list highlights the first match, so Enter takes it (one match: that one).
    Select: { defaultProps: { comboboxProps: { keepMounted: false }, selectFirstOptionOnChange: true } },
    // Mantine's default name for this button contains "password", which would make a field
    // labelled "Password" ambiguous for anyone finding it by its label.
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': commonStrings.showHideCharacters } },
    },
  },
});

/** Dimmed and error text dark enough to read (the defaults are below 4.5:1 on white). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  },
});
