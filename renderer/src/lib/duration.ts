import { commonStrings } from './strings.ts';

/** Whole minutes as people read a wait: "45 min", "1 h 12 min" (never "459 min"). */
export function formatMinutes(totalMinutes: number): string {
  const whole = Math.max(0, Math.floor(totalMinutes));
  return commonStrings.duration(Math.floor(whole / 60), whole % 60);
}
