import { describe, expect, it } from 'vitest';
import { formatMinutes } from '../../renderer/src/lib/duration.ts';

// Waits and lateness on the board read as hours and minutes once past the hour.
describe('formatMinutes', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [60, '1 h'],
    [72, '1 h 12 min'],
    [459, '7 h 39 min'],
    [-3, '0 min'],
    [12.9, '12 min'],
  ])('%s minutes read "%s"', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
