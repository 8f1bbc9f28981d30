import type { KeyboardEvent } from 'react';

/**
 * Enter submits the dialog's form from any field, radio buttons included (browsers submit
 * implicitly only from text fields). Fields with their own use of Enter keep it: text areas,
 * buttons, links and pickers with a list.
 */
export function enterSubmits(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target as HTMLElement;
  if (target.closest('textarea, button, a, [role="combobox"], [aria-haspopup]')) return;
  if (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox') return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
