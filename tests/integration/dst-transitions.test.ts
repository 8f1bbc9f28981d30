import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minutesToTime } from '#shared/dates.ts';
import { assertScheduleInvariants, slotsOf } from '../support/schedule.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  STAFF_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

// Slots and exports on daylight-saving days in zones whose change is not on the hour
// (Lord Howe moves 30 minutes, at 02:00; Chatham's offset is +12:45/+13:45 and it changes at
// 02:45/03:45) and on fall-back days east and west of UTC. One rule: a repeated wall time is
// its first occurrence; an export's end is the slot's length after its start.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(async () => {
  assertScheduleInvariants(app);
  await app.close();
});

/** Moves the clinic to a zone and its clock to an instant, then adds an all-night rule. */
async function nightShiftIn(
  timeZone: string,
  now: string,
  validFrom: string,
  slotMinutes: number,
  doctorId = world.doctor.userId,
) {
  const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
  await app.ok(ADMIN_KEY, 'settings.update', { ...settings, timeZone });
  app.clock.set(new Date(now));
  await app.ok(ADMIN_KEY, 'auth.unlock', { password: ADMIN_PASSWORD });
  await app.ok(world.desk, 'auth.unlock', { password: STAFF_PASSWORD });
  await app.ok(ADMIN_KEY, 'templates.create', {
    doctorId,
    weekdays: [0, 1, 2, 3, 4, 5, 6],
    startTime: '00:00',
    endTime: '05:00',
    slotMinutes,
    validFrom,
  });
}

/** Wall-clock starts of 00:00–05:00 every `step` minutes, leaving out slots touching the gap [from, to) in minutes. */
function starts(step: number, gap?: [number, number]): string[] {
  const all: string[] = [];
  for (let m = 0; m + step <= 5 * 60; m += step) {
    if (!gap || m + step <= gap[0] || m >= gap[1]) all.push(minutesToTime(m));
  }
  return all;
}

const startsOn = (date: string, doctorId = world.doctor.userId) =>
  slotsOf(app, doctorId, date).map((s) => s.start_time);

describe('slots on a day whose change is not on the hour', () => {
  it('Lord Howe: every slot after the 30-minute jump (02:00 → 02:30)', async () => {
    await nightShiftIn('Australia/Lord_Howe', '2026-09-20T00:00:00Z', '2026-09-20', 15);
    expect(startsOn('2026-10-03')).toEqual(starts(15));
    expect(startsOn('2026-10-04')).toEqual(starts(15, [120, 150]));
    expect(startsOn('2026-10-04')).toContain('02:30');
  });

  it('Chatham: every slot after the jump from 02:45 to 03:45', async () => {
    await nightShiftIn('Pacific/Chatham', '2026-09-20T00:00:00Z', '2026-09-20', 15);
    expect(startsOn('2026-09-27')).toEqual(starts(15, [165, 225]));
    expect(startsOn('2026-09-27')).toContain('03:45');
  });

  it('every wall-clock slot once on their fall-back days (5 April 2026)', async () => {
    await nightShiftIn('Australia/Lord_Howe', '2026-03-20T00:00:00Z', '2026-03-20', 15);
    expect(startsOn('2026-04-05')).toEqual(starts(15));
    await nightShiftIn('Pacific/Chatham', '2026-03-21T00:00:00Z', '2026-04-01', 15, world.otherDoctor.userId);
    expect(startsOn('2026-04-05', world.otherDoctor.userId)).toEqual(starts(15));
  });
});

describe('a slot in the repeated hour of a fall-back day', () => {
  it.each([
    // East of UTC: Berlin repeats 02:00–03:00 on 25 October; first pass at +02:00.
    [
      'Europe/Berlin',
      '2026-10-20T08:00:00Z',
      '2026-10-25',
      '02:30',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T00:30:00Z',
    ],
    // West of UTC: New York repeats 01:00–02:00 on 1 November; first pass at -04:00.
    [
      'America/New_York',
      '2026-10-20T14:00:00Z',
      '2026-11-01',
      '01:30',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T05:30:00Z',
    ],
  ])(
    '%s: the first occurrence, and 30 minutes long in FHIR and .ics',
    async (zone, now, date, time, fhirStart, utc) => {
      await nightShiftIn(zone, now, now.slice(0, 10), 30);
      const patientId = await world.patient('Night Patient');
      const slotId = world.slot(date, time);
      const booked = await app.ok(world.desk, 'appointments.book', { availabilityId: slotId, patientId });

      const fhir = await app.ok(world.desk, 'exports.fhirBundle', { from: date, to: date });
      const bundle = JSON.parse(fhir.content) as { entry: { resource: Record<string, unknown> }[] };
      const resources = bundle.entry.map((e) => e.resource);
      const slot = resources.find(
        (r) => r.resourceType === 'Slot' && (r.identifier as { value: string }[])[0]?.value === String(slotId),
      );
      expect(slot?.start).toBe(fhirStart);
      expect(Date.parse(String(slot?.end)) - Date.parse(String(slot?.start))).toBe(30 * 60_000);
      const appointment = resources.find((r) => r.resourceType === 'Appointment');
      expect(appointment?.start).toBe(fhirStart);
      expect(appointment?.minutesDuration).toBe(30);
      expect(Date.parse(String(appointment?.end)) - Date.parse(String(appointment?.start))).toBe(30 * 60_000);

      const ics = await app.ok(world.desk, 'exports.doctorIcs', {
        doctorId: world.doctor.userId,
        from: date,
        to: date,
      });
      const calendar = new ICAL.Component(ICAL.parse(ics.content));
      for (const z of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(z));
      const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.uid)).toEqual([`appointment-${booked.appointmentId}@clinic-desk`]);
      const [event] = events;
      expect(event?.startDate.toJSDate().toISOString()).toBe(new Date(utc).toISOString());
      expect((event?.endDate.toUnixTime() ?? 0) - (event?.startDate.toUnixTime() ?? 0)).toBe(30 * 60);
    },
  );
});
