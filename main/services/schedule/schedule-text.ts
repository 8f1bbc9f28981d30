import { maskToWeekdays } from './slot-plan.ts';

// Plain-language descriptions of schedule rules for error messages.

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function describeWeekdays(mask: number): string {
  // Monday first, as clinics read a week.
  return maskToWeekdays(mask)
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => DAY_NAMES[d])
    .join(', ');
}

export function describeRule(rule: {
  weekdays: number;
  start_time: string;
  end_time: string;
  valid_from: string;
  valid_to: string | null;
}): string {
  const dates = rule.valid_to ? `from ${rule.valid_from} to ${rule.valid_to}` : `from ${rule.valid_from}`;
  return `${describeWeekdays(rule.weekdays)} ${rule.start_time}–${rule.end_time} ${dates}`;
}
