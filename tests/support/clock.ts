import type { Clock } from '../../main/services/core/clock.ts';

/** A clock tests move by hand (the only thing besides Electron we fake). */
export interface TestClock extends Clock {
  advanceMinutes(minutes: number): void;
  set(date: Date): void;
}

export function createTestClock(start = new Date('2026-03-02T09:00:00.000Z')): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes: (minutes) => {
      now += minutes * 60_000;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}
