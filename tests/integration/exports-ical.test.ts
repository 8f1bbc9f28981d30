import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The .ics export read back by a real iCalendar parser (ical.js). Clinic zone Europe/London,
// where clocks go forward on Sunday 2026-03-29: a 10:00 appointment is 10:00Z on the Friday
// before and 09:00Z on the Monday after. Test clock: Monday 2026-03-02 09:00.

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(async () => {
  await app.close();
});

async function book(patientName: string, date: string, time: string, doctorId = world.doctor.userId) {
  const patientId = await world.patient(patientName);
  return app.ok(world.desk, 'appointments.book', { availabilityId: world.slot(date, time, doctorId), patientId });
}

function parseCalendar(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar;
}

describe('doctor calendar (.ics)', () => {
  it('writes each appointment at its local time with the clinic zone across a daylight-saving change', async () => {
    const before = await book('Zoë O’Brien, Jr.', '2026-03-27', '10:00');
    const after = await book('Kwame Boateng', '2026-03-30', '10:00');
    await book('Other Doctor’s Patient', '2026-03-30', '10:00', world.otherDoctor.userId);
    await book('Outside Range', '2026-04-06', '10:00');

    const file = await app.ok(world.desk, 'exports.doctorIcs', {
      doctorId: world.doctor.userId,
      from: '2026-03-23',
      to: '2026-04-05',
    });
    expect(file.mimeType).toBe('text/calendar;charset=utf-8');
    expect(file.fileName).toBe('calendar-dr-ama-mensah-2026-03-23-to-2026-04-05.ics');
    expect(file.content).toContain('X-WR-TIMEZONE:Europe/London');
    expect(file.content).toMatch(/DTSTAMP:20260302T090000Z/);

    const calendar = parseCalendar(file.content);
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones).toEqual(['Europe/London']);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual([
      `appointment-${before.appointmentId}@clinic-desk`,
      `appointment-${after.appointmentId}@clinic-desk`,
    ]);
    const [friday, monday] = events;
    expect(friday?.summary).toBe(`Zoë O’Brien, Jr. (P-${String(before.patientId).padStart(6, '0')})`);
    for (const event of events) {
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
      expect(event.startDate.zone?.tzid).toBe('Europe/London');
      expect(event.startDate.toString()).toMatch(/T10:00:00$/);
      expect(event.endDate.toString()).toMatch(/T10:30:00$/);
    }
    expect(friday?.startDate.toJSDate().toISOString()).toBe('2026-03-27T10:00:00.000Z');
    expect(monday?.startDate.toJSDate().toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(monday?.endDate.toJSDate().toISOString()).toBe('2026-03-30T09:30:00.000Z');
  });

  it('marks cancelled appointments CANCELLED so a re-import removes them, and an empty range is a valid calendar', async () => {
    const kept = await book('Kept Patient', '2026-03-03', '09:00');
    const cancelled = await book('Cancelled Patient', '2026-03-03', '09:30');
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled.appointmentId, reason: 'Travelling' });
    const file = await app.ok(world.doctor.key, 'exports.doctorIcs', {
      doctorId: world.doctor.userId,
      from: '2026-03-03',
      to: '2026-03-03',
    });
    const events = parseCalendar(file.content)
      .getAllSubcomponents('vevent')
      .map((v) => [v.getFirstPropertyValue('uid'), v.getFirstPropertyValue('status')]);
    expect(events).toEqual([
      [`appointment-${kept.appointmentId}@clinic-desk`, 'CONFIRMED'],
      [`appointment-${cancelled.appointmentId}@clinic-desk`, 'CANCELLED'],
    ]);

    const empty = await app.ok(world.desk, 'exports.doctorIcs', {
      doctorId: world.otherDoctor.userId,
      from: '2026-05-01',
      to: '2026-05-31',
    });
    const parsed = parseCalendar(empty.content);
    expect(parsed.name).toBe('vcalendar');
    expect(parsed.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('writes the same clinic times whatever time zone the computer itself is set to', async () => {
    await book('Kwame Boateng', '2026-03-30', '10:00');
    const input = { doctorId: world.doctor.userId, from: '2026-03-30', to: '2026-03-30' };
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      const far = await app.ok(world.desk, 'exports.doctorIcs', input);
      process.env.TZ = 'UTC';
      const near = await app.ok(world.desk, 'exports.doctorIcs', input);
      expect(far.content).toBe(near.content);
      expect(far.content).toContain('DTSTART;TZID=Europe/London:20260330T100000');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
