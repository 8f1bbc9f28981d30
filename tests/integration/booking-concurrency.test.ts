import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants, slotsOf } from '../support/schedule.ts';
import { createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Eight desks in eight processes book the same slots at the same moment on one database
// file: exactly one booking per slot succeeds, every other attempt gets SLOT_TAKEN.

const run = promisify(execFile);
const worker = resolve(import.meta.dirname, '..', 'support', 'booking-worker.ts');
const WORKERS = 8;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await setUpClinic(app);
});
afterAll(() => app.close());

describe('booking under contention', () => {
  it('never double-books and never shows a raw database error', async () => {
    const world = await deskWorld(app);
    const deskUser = app.core.sessions.get(world.desk);
    if (!deskUser) throw new Error('no desk session');
    // Slots from a week ahead, so the real clock of the workers still finds them in the future.
    const slots = slotsOf(app, world.doctor.userId, '2026-03-04').map((s) => s.availability_id);
    const patients = await Promise.all(Array.from({ length: WORKERS }, (_, i) => world.patient(`Contender ${i + 1}`)));
    // The workers use the real clock: move the clinic's dates so these slots are in the future.
    app.core.database.raw
      .prepare(
        "UPDATE doctor_availability SET available_date = '2099-03-04' WHERE availability_id IN (" +
          slots.join(',') +
          ')',
      )
      .run();
    const startAt = Date.now() + 1500;
    const outcomes = await Promise.all(
      patients.map((patientId) =>
        run(
          process.execPath,
          [worker, app.dbFile, String(deskUser.userId), String(patientId), slots.join(','), String(startAt)],
          { timeout: 60_000 },
        ).then((r) => JSON.parse(r.stdout) as string[]),
      ),
    );
    const all = outcomes.flat();
    expect(all.filter((o) => o !== 'ok' && o !== 'SLOT_TAKEN')).toEqual([]);
    expect(all.filter((o) => o === 'ok')).toHaveLength(slots.length);
    for (let i = 0; i < slots.length; i++) {
      expect(
        outcomes.filter((o) => o[i] === 'ok'),
        `slot ${i}`,
      ).toHaveLength(1);
    }
    const active = app.core.database.raw
      .prepare(
        `SELECT availability_id, count(*) AS n FROM appointments WHERE status NOT IN ('cancelled', 'no_show') GROUP BY availability_id HAVING count(*) > 1`,
      )
      .all();
    expect(active).toEqual([]);
    assertScheduleInvariants(app);
  });
});
