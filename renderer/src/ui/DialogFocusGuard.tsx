import { useEffect } from 'react';

// Mantine's focus trap moves Tab only while focus is inside the dialog. When the focused element
// unmounts (a patient picker replaced by the chosen patient, a step of a form), the browser puts
// focus on <body>, and the next Tab went to the page behind the dialog. This guard puts focus back
// into the dialog on top in both moments: right after the element goes, and on a Tab from <body>.

const OPEN_DIALOG = '[role="dialog"][aria-modal="true"]';
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialog on top: Mantine portals each open dialog to the end of <body>, so the last one. */
function topDialog(): HTMLElement | null {
  const dialogs = document.querySelectorAll<HTMLElement>(OPEN_DIALOG);
  return dialogs.item(dialogs.length - 1);
}

function tabbables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.tabIndex >= 0 && !element.closest('[hidden], [inert], [aria-hidden="true"]'),
  );
}

/** Focus is nowhere (on <body>) or on the page behind the dialogs. */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || document.getElementById('root')?.contains(active) === true;
}

/** The dialog's own first field: its autofocus target, else the first tabbable outside its header (the close button). */
function focusFirstField(dialog: HTMLElement): void {
  const items = tabbables(dialog);
  const target =
    items.find((element) => element.hasAttribute('data-autofocus')) ??
    items.find((element) => !element.closest('header')) ??
    items[0];
  (target ?? dialog).focus();
}

/** Keeps keyboard focus inside the open dialog on top, whichever dialog it is. Mounted once, in the app's providers. */
export function DialogFocusGuard() {
  useEffect(() => {
    let lastFocusedDialog: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      lastFocusedDialog = target?.closest<HTMLElement>(OPEN_DIALOG) ?? null;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented || !focusIsLost()) return;
      const dialog = topDialog();
      if (!dialog) return;
      event.preventDefault();
      const items = tabbables(dialog);
      (event.shiftKey ? items.at(-1) : items[0])?.focus();
    };
    // The focused element went away while its dialog stays open: focus the dialog's first field.
    const observer = new MutationObserver(() => {
      const dialog = lastFocusedDialog;
      if (dialog?.isConnected && document.activeElement === document.body && dialog === topDialog()) {
        focusFirstField(dialog);
      }
    });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown, true);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown, true);
      observer.disconnect();
    };
  }, []);
  return null;
}
