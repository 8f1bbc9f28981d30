import ICAL from 'ical.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { migrateTo, migrateToLatest } from '#db/migrate.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import {
  ADMIN_KEY,
  ADMIN_PASSWORD,
  createTestApp,
  setUpClinic,
  tableCounts,
  type TestApp,
} from '../support/test-app.ts';

// The clinic's zone is stored by its canonical IANA name whatever was typed (an old name
// ICU still lists, any case), a bare UTC offset is refused on the field, and the calendar
// export's TZID, its VTIMEZONE's TZID and X-WR-TIMEZONE are that stored name.
// Test clock: Monday 2026-03-02 09:00; weekday slots 09:00–12:00, 30 min.

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
});
afterEach(async () => {
  await app.close();
});

const storedZone = (): unknown =>
  (app.core.database.raw.prepare('SELECT time_zone FROM settings WHERE id = 1').get() as { time_zone: string })
    .time_zone;

async function setZone(timeZone: string) {
  const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
  return app.call(ADMIN_KEY, 'settings.update', { ...settings, timeZone });
}

describe('the clinic time zone field', () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['europe/berlin', 'Europe/Berlin'],
    ['Europe/Kiev', 'Europe/Kyiv'],
  ])('stores %s as %s', async (typed, canonical) => {
    expect((await setZone(typed)).ok).toBe(true);
    expect(storedZone()).toBe(canonical);
    expect((await app.ok(ADMIN_KEY, 'settings.get', {})).timeZone).toBe(canonical);
  });

  it('refuses a UTC offset on the field and changes nothing', async () => {
    const before = await tableCounts(app);
    for (const typed of ['+05:30', 'UTC+2']) {
      const result = await setZone(typed);
      expect(result.ok ? null : result.error.code).toBe('VALIDATION');
      expect(result.ok ? '' : result.error.fields?.timeZone).toMatch(/not a UTC offset/);
    }
    expect(storedZone()).toBe('Europe/London');
    expect(await tableCounts(app)).toEqual(before);
  });

  it('is stored canonically at first-run setup too', async () => {
    const fresh = await createTestApp();
    try {
      const result = await fresh.call(ADMIN_KEY, 'setup.complete', {
        clinicName: 'Fresh Clinic',
        clinicAddress: null,
        timeZone: 'asia/calcutta',
        currency: 'INR',
        adminName: 'Ada Admin',
        adminEmail: 'ada@clinic.test',
        adminPassword: ADMIN_PASSWORD,
      });
      expect(result.ok).toBe(true);
      const row = fresh.core.database.raw.prepare('SELECT time_zone FROM settings WHERE id = 1').get();
      expect(row).toEqual({ time_zone: 'Asia/Kolkata' });
    } finally {
      await fresh.close();
    }
  });
});

describe('the calendar export’s zone', () => {
  let world: DeskWorld;
  beforeEach(async () => {
    world = await deskWorld(app);
  });

  async function exportIcs() {
    const patientId = await world.patient('Priya Raman');
    await app.ok(world.desk, 'appointments.book', { availabilityId: world.slot('2026-03-04', '10:00'), patientId });
    const file = await app.ok(world.desk, 'exports.doctorIcs', {
      doctorId: world.doctor.userId,
      from: '2026-03-02',
      to: '2026-03-08',
    });
    return file.content;
  }

  it('chosen as Asia/Calcutta: TZID, VTIMEZONE and X-WR-TIMEZONE all say the stored Asia/Kolkata', async () => {
    await app.ok(ADMIN_KEY, 'settings.update', {
      ...(await app.ok(ADMIN_KEY, 'settings.get', {})),
      timeZone: 'Asia/Calcutta',
    });
    expect(storedZone()).toBe('Asia/Kolkata');
    const content = await exportIcs();
    expect(content).toContain('X-WR-TIMEZONE:Asia/Kolkata');
    expect(content).toContain('DTSTART;TZID=Asia/Kolkata:20260304T100000');
    const calendar = new ICAL.Component(ICAL.parse(content));
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Asia/Kolkata']);
    for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const [event] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-03-04T04:30:00.000Z');
  });

  it('in UTC writes UTC times, which need no VTIMEZONE', async () => {
    await app.ok(ADMIN_KEY, 'settings.update', { ...(await app.ok(ADMIN_KEY, 'settings.get', {})), timeZone: 'utc' });
    expect(storedZone()).toBe('UTC');
    const content = await exportIcs();
    expect(content).toContain('X-WR-TIMEZONE:UTC');
    expect(content).toContain('DTSTART:20260304T100000Z');
    expect(content).not.toContain('VTIMEZONE');
  });
});

describe('a zone stored by an old name', () => {
  it('is rewritten to its canonical name by migration 0015', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-tz-'));
    const handle = openSqlite(join(dir, 'clinic.sqlite'));
    try {
      await migrateTo(handle.db, '0014_session_epoch');
      handle.raw
        .prepare('INSERT INTO settings (id, clinic_name, time_zone, currency, updated_at) VALUES (1, ?, ?, ?, ?)')
        .run('Old Clinic', 'Asia/Calcutta', 'INR', '2026-01-01T00:00:00.000Z');
      await migrateToLatest(handle.db);
      expect(handle.raw.prepare('SELECT time_zone FROM settings').get()).toEqual({ time_zone: 'Asia/Kolkata' });
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
