import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '#contract/index.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Every date range in the contract is bounded before a service runs: real dates between
// 2000-01-01 and 2199-12-31, the last day not before the first, and reports and exports at
// most 366 days. A report of 1900→2026 took a minute and 2.2 GB; 1000→9999 ended INTERNAL.
// Test clock: Monday 2026-03-02 09:00 Europe/London.

let app: TestApp;
let world: DeskWorld;
beforeAll(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterAll(async () => {
  await app.close();
});

const OUT_OF_BOUNDS = 'Choose a date between 2000-01-01 and 2199-12-31.';
const TOO_LONG = 'Choose at most 366 days.';
const REVERSED = 'The last day must be on or after the first day.';

/** Every report and export that takes a from/to pair, called with that pair. */
const reportCalls = {
  'payments.report': (from: string, to: string) => app.call(ADMIN_KEY, 'payments.report', { from, to }),
  'payments.reportPdf': (from: string, to: string) => app.call(ADMIN_KEY, 'payments.reportPdf', { from, to }),
  'payments.ledgerCsv': (from: string, to: string) => app.call(ADMIN_KEY, 'payments.ledgerCsv', { from, to }),
  'exports.appointmentsCsv': (from: string, to: string) => app.call(ADMIN_KEY, 'exports.appointmentsCsv', { from, to }),
  'exports.doctorIcs': (from: string, to: string) =>
    app.call(ADMIN_KEY, 'exports.doctorIcs', { from, to, doctorId: world.doctor.userId }),
  'exports.fhirBundle': (from: string, to: string) => app.call(ADMIN_KEY, 'exports.fhirBundle', { from, to }),
};

const refusal = (fields: Record<string, string>) => ({ ok: false, error: { code: 'VALIDATION', fields } });

describe.each(Object.entries(reportCalls))('%s', (_channel, call) => {
  it('refuses 1900→2026 on the first day, before any work', async () => {
    const result = await call('1900-01-01', '2026-12-31');
    expect(result).toMatchObject(refusal({ from: OUT_OF_BOUNDS }));
    expect(result.ok ? null : result.error.fields).toEqual({ from: OUT_OF_BOUNDS });
  });

  it('refuses 1000→9999 with a field error on both days, not INTERNAL', async () => {
    expect(await call('1000-01-01', '9999-12-31')).toMatchObject(refusal({ from: OUT_OF_BOUNDS, to: OUT_OF_BOUNDS }));
  });

  it('accepts exactly 366 days and refuses 367 on the last day', async () => {
    expect(await call('2024-01-01', '2024-12-31')).toMatchObject({ ok: true });
    expect(await call('2024-01-01', '2025-01-01')).toMatchObject(refusal({ to: TOO_LONG }));
    expect(await call('2000-01-01', '2026-12-31')).toMatchObject(refusal({ to: TOO_LONG }));
  });

  it('refuses a reversed range and accepts the last day of the calendar', async () => {
    expect(await call('2026-03-02', '2026-03-01')).toMatchObject(refusal({ to: REVERSED }));
    expect(await call('2199-06-01', '2199-12-31')).toMatchObject({ ok: true });
  });
});

describe('the other date pairs and dates', () => {
  it('payments.list and the audit trail refuse dates off the calendar and reversed ranges', async () => {
    expect(await app.call(ADMIN_KEY, 'payments.list', { from: '1000-01-01', to: '9999-12-31' })).toMatchObject(
      refusal({ from: OUT_OF_BOUNDS, to: OUT_OF_BOUNDS }),
    );
    expect(await app.call(ADMIN_KEY, 'payments.list', { from: '2026-03-02', to: '2026-03-01' })).toMatchObject(
      refusal({ to: REVERSED }),
    );
    expect(
      await app.call(ADMIN_KEY, 'audit.list', { filters: { from: '2026-03-02', to: '2026-03-01' } }),
    ).toMatchObject(refusal({ 'filters.to': REVERSED }));
    expect(await app.call(ADMIN_KEY, 'audit.list', { filters: { to: '9999-12-31' } })).toMatchObject(
      refusal({ 'filters.to': OUT_OF_BOUNDS }),
    );
  });

  it('the waitlist and leave refuse years off the calendar and reversed ranges on the last day', async () => {
    const patientId = await world.patient('Maria Perera');
    const wait = (fromDate: string, toDate: string): ChannelInput<'waitlist.add'> => ({
      patientId,
      doctorId: world.doctor.userId,
      fromDate,
      toDate,
    });
    expect(await app.call(world.desk, 'waitlist.add', wait('2026-03-01', '9999-12-31'))).toMatchObject(
      refusal({ toDate: OUT_OF_BOUNDS }),
    );
    expect(await app.call(world.desk, 'waitlist.add', wait('2026-03-05', '2026-03-01'))).toMatchObject(
      refusal({ toDate: REVERSED }),
    );
    const leave = { doctorId: world.doctor.userId, startDate: '2026-03-01', endDate: '9999-12-31' };
    expect(await app.call(world.desk, 'exceptions.previewLeave', leave)).toMatchObject(
      refusal({ endDate: OUT_OF_BOUNDS }),
    );
    expect(await app.call(world.desk, 'exceptions.previewLeave', { ...leave, endDate: '2026-02-28' })).toMatchObject(
      refusal({ endDate: REVERSED }),
    );
  });

  it('calendar views refuse a year 9999 day instead of walking past it', async () => {
    expect(
      await app.call(world.desk, 'schedule.week', { doctorId: world.doctor.userId, date: '9999-12-31' }),
    ).toMatchObject(refusal({ date: OUT_OF_BOUNDS }));
    expect(await app.call(world.desk, 'schedule.day', { date: '1999-12-31' })).toMatchObject(
      refusal({ date: OUT_OF_BOUNDS }),
    );
  });

  it('a birth date keeps any real year', async () => {
    const registered = await app.call(world.desk, 'patients.register', {
      name: 'Old Timer',
      phone: '+44 7700 900999',
      dateOfBirth: '1931-05-04',
    });
    expect(registered).toMatchObject({ ok: true, value: { dateOfBirth: '1931-05-04' } });
  });
});
