import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezoneFor } from '../../main/services/exports/vtimezone.ts';

// The VTIMEZONE block the .ics export writes, read by a real iCalendar parser the way Outlook
// reads it: the offsets it gives must follow today's rules, not 2018's. Mexico City dropped
// daylight saving in 2022 (UTC−6 all year); Egypt brought it back in 2023 (UTC+3 from the last
// Friday of April to the last Thursday of October); São Paulo has had none since 2019.

/** The UTC offset in hours the zone's exported block gives a wall time. */
function offsetHours(timeZone: string, wall: { year: number; month: number; day: number; hour: number }): number {
  const block = vtimezoneFor(timeZone);
  if (!block) throw new Error(`No VTIMEZONE for ${timeZone}`);
  const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(block)));
  const time = ICAL.Time.fromData({ ...wall, minute: 0, second: 0, isDate: false }, zone);
  return zone.utcOffset(time) / 3600;
}

describe('exported VTIMEZONE rules', () => {
  it('Mexico City in July is UTC−6, as in January (no daylight saving since 2022)', () => {
    expect(offsetHours('America/Mexico_City', { year: 2026, month: 7, day: 15, hour: 10 })).toBe(-6);
    expect(offsetHours('America/Mexico_City', { year: 2026, month: 1, day: 15, hour: 10 })).toBe(-6);
  });

  it('Cairo in summer is UTC+3 and UTC+2 in winter (daylight saving again since 2023)', () => {
    expect(offsetHours('Africa/Cairo', { year: 2026, month: 7, day: 15, hour: 10 })).toBe(3);
    expect(offsetHours('Africa/Cairo', { year: 2026, month: 1, day: 15, hour: 10 })).toBe(2);
  });

  it('São Paulo in January is UTC−3 (no daylight saving since 2019)', () => {
    expect(offsetHours('America/Sao_Paulo', { year: 2027, month: 1, day: 15, hour: 10 })).toBe(-3);
  });
});
