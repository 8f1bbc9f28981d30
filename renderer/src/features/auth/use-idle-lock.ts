import { useEffect, useEffectEvent } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** Main is told about activity at most this often. */
export const TOUCH_INTERVAL_MS = 60_000;

interface IdleLockOptions {
  /** Minutes without activity before `onIdle`. */
  minutes: number;
  /** While paused (already locked) nothing is tracked. */
  paused: boolean;
  onIdle: () => void;
  /** Activity seen, at most once per TOUCH_INTERVAL_MS. */
  onActive: () => void;
}

/**
 * Calls `onIdle` after `minutes` without mouse, keyboard, wheel or touch activity. Uses setTimeout
 * and Date.now() only, so fake clocks (vitest, Playwright's page.clock) can drive it.
 */
export function useIdleLock({ minutes, paused, onIdle, onActive }: IdleLockOptions): void {
  const idle = useEffectEvent(onIdle);
  const active = useEffectEvent(onActive);

  useEffect(() => {
    if (paused) return;
    const limit = Math.max(1, minutes) * 60_000;
    let lastActivity = Date.now();
    let lastTouch = lastActivity;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const quiet = Date.now() - lastActivity;
      if (quiet >= limit) {
        timer = undefined;
        idle();
        return;
      }
      timer = setTimeout(check, limit - quiet);
    };
    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastTouch >= TOUCH_INTERVAL_MS) {
        lastTouch = now;
        active();
      }
    };

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    timer = setTimeout(check, limit);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, paused]);
}
