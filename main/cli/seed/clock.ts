import type { Clock } from '../../services/core/clock.ts';

/** The system clock until pinned; then always the pinned instant (the seed's `--start`). */
export interface PinnableClock extends Clock {
  pin(at: Date): void;
}

export function pinnableClock(): PinnableClock {
  let pinned: Date | null = null;
  return {
    now: () => (pinned === null ? new Date() : new Date(pinned.getTime())),
    pin: (at) => {
      pinned = new Date(at.getTime());
    },
  };
}
