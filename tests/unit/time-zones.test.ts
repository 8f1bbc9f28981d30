import { describe, expect, it } from 'vitest';
import { timeZoneSchema } from '#contract/fields.ts';
import { localToUtcIso, wallTimeExists } from '#shared/dates.ts';
import { canonicalTimeZone, TIME_ZONE_RENAMES, timeZoneNames } from '#shared/time-zones.ts';
import { vtimezoneFor } from '../../main/services/exports/vtimezone.ts';

// The clinic's time zone by canonical IANA name, and the one wall-clock rule: a repeated
// (fall-back) wall time is its first occurrence, east and west of UTC alike; a skipped
// (spring-forward) one is read with the offset from before the gap.

describe('canonical time-zone names', () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['europe/berlin', 'Europe/Berlin'],
    [' Europe/Kiev ', 'Europe/Kyiv'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['US/Eastern', 'America/New_York'],
    ['utc', 'UTC'],
  ])('%s is stored as %s', (typed, stored) => {
    expect(canonicalTimeZone(typed)).toBe(stored);
    expect(timeZoneSchema.parse(typed)).toBe(stored);
  });

  it.each(['+05:30', '-0800', 'UTC+2', 'GMT-03', 'Mars/Olympus', ''])('refuses %j with a message', (typed) => {
    expect(canonicalTimeZone(typed)).toBeNull();
    const result = timeZoneSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/time zone/);
  });

  it('tells someone who typed an offset to choose a named zone', () => {
    expect(timeZoneSchema.safeParse('+05:30').error?.issues[0]?.message).toMatch(/not a UTC offset/);
  });

  it('offers only canonical names, UTC among them, each one Intl knows', () => {
    const names = timeZoneNames();
    expect(names).toContain('Asia/Kolkata');
    expect(names).toContain('Europe/Kyiv');
    expect(names).toContain('UTC');
    expect(names).not.toContain('Asia/Calcutta');
    for (const name of names) expect(canonicalTimeZone(name)).toBe(name);
    for (const target of Object.values(TIME_ZONE_RENAMES)) expect(names).toContain(target);
  });

  it('has a VTIMEZONE for every offered zone whose TZID is that very name', () => {
    for (const name of timeZoneNames()) {
      expect(vtimezoneFor(name)?.match(/^TZID:(.*)$/m)?.[1]).toBe(name);
    }
  });
});

describe('wall-clock times around a change', () => {
  it.each([
    // Fall-back: the first occurrence, at the summer offset, in both hemispheres of offsets.
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z'],
    ['Pacific/Chatham', '2026-04-05', '03:00', '2026-04-04T13:15:00.000Z'],
    // Spring-forward: read with the offset before the gap (02:30 Berlin is the instant of 03:30).
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
    // Just after a 30- and a 45-minute-offset change: exact, not the hour's old offset.
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z'],
    ['Pacific/Chatham', '2026-09-27', '03:45', '2026-09-26T14:00:00.000Z'],
  ])('%s %s %s is %s', (zone, date, time, instant) => {
    expect(localToUtcIso(date, time, zone)).toBe(instant);
  });

  it.each([
    ['Australia/Lord_Howe', '2026-10-04', ['02:00', '02:15'], ['01:45', '02:30', '02:45']],
    ['Pacific/Chatham', '2026-09-27', ['02:45', '03:00', '03:30'], ['02:30', '03:45', '04:00']],
  ])('%s on %s skips exactly the gap', (zone, date, skipped, kept) => {
    for (const time of skipped) expect(wallTimeExists(date, time, zone)).toBe(false);
    for (const time of kept) expect(wallTimeExists(date, time, zone)).toBe(true);
  });
});
