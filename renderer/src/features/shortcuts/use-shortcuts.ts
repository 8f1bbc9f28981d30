import { useEffect, useEffectEvent } from 'react';

/** How long the "G" of "G then D" waits for its second key. */
export const SEQUENCE_TIMEOUT_MS = 1500;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="combobox"], [role="textbox"]') !== null;
}

const inDialog = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('[role="dialog"]') !== null;

interface ShortcutHandlers {
  onLock: () => void;
  onHelp: () => void;
  /** The second key of "G then …", lower case. */
  onGo: (key: string) => void;
  /** Ctrl/Cmd+K (also while typing) and "/": the patient search. */
  onSearch?: () => void;
  /** Single letters such as N (new appointment), W (walk-in) and T (today), lower case. */
  onLetter?: (key: string) => void;
}

/**
 * The global shortcuts: Ctrl/Cmd+L locks and Ctrl/Cmd+K searches patients (also while typing),
 * "?" shows the list, "/" searches, "G then a letter" goes to an area, single letters (N, W, T)
 * start desk work. Letter shortcuts are ignored in fields and inside dialogs.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const onKey = useEffectEvent((event: KeyboardEvent, pendingSince: number | null): number | null => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      handlers.onLock();
      return null;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      handlers.onSearch?.();
      return null;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return null;
    if (isTyping(event.target) || inDialog(event.target)) return null;
    if (event.key === '?') {
      event.preventDefault();
      handlers.onHelp();
      return null;
    }
    if (event.key === '/') {
      event.preventDefault();
      handlers.onSearch?.();
      return null;
    }
    const key = event.key.toLowerCase();
    if (pendingSince !== null && Date.now() - pendingSince <= SEQUENCE_TIMEOUT_MS) {
      handlers.onGo(key);
      return null;
    }
    if (key === 'g') return Date.now();
    handlers.onLetter?.(key);
    return null;
  });

  useEffect(() => {
    if (!enabled) return;
    let pendingSince: number | null = null;
    const listener = (event: KeyboardEvent) => {
      if (event.key === 'Shift') return;
      pendingSince = onKey(event, pendingSince);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
