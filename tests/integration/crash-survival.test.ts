import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { runCrashSurvival } from '../bench/crash.ts';
import { acknowledge, checkAfterCrash, noneAcknowledged, setUpCrashClinic } from '../support/crash-setup.ts';

// A worker process books, takes payments, sends messages and cancels through the real app
// core; it is killed with SIGKILL at random moments. After every kill the file must be
// intact, hold every write the worker was told had succeeded, and keep the invariants.
// (`npm run bench -- --crash 50` runs the longer version.)

const KILLS = Number(process.env.CRASH_KILLS ?? 20);

describe('crash survival', () => {
  it(`keeps every acknowledged write and the invariants through ${KILLS} SIGKILLs`, { timeout: 240_000 }, async () => {
    const report = await runCrashSurvival({ kills: KILLS, maxLifeMs: 300 });
    expect(report.encryption).toBe('plain');
    expect(report.problems, `seed ${report.seed}`).toEqual([]);
    // The kills landed while work was going on: there was something to lose.
    expect(report.acknowledged.appointments).toBeGreaterThan(KILLS);
    expect(report.acknowledged.payments).toBeGreaterThan(0);
    expect(report.acknowledged.messages).toBeGreaterThan(0);
    expect(report.acknowledged.cancelled).toBeGreaterThan(0);
  });

  it('keeps them on an encrypted file too', { timeout: 120_000 }, async () => {
    const report = await runCrashSurvival({ kills: 5, maxLifeMs: 300, encrypted: true });
    expect(report.encryption).toBe('encrypted');
    expect(report.problems, `seed ${report.seed}`).toEqual([]);
    expect(report.acknowledged.appointments).toBeGreaterThan(5);
  });

  it(
    'notices a lost write, a wrong is_booked and a ledger that disagrees with its summary',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clinic-crash-check-'));
      const file = join(dir, 'clinic.sqlite');
      try {
        await setUpCrashClinic(file);
        const ack = noneAcknowledged();
        acknowledge(ack, JSON.stringify({ kind: 'appointment', id: 4242 }));
        acknowledge(ack, JSON.stringify({ kind: 'message', id: 77 }));
        expect(await checkAfterCrash(file, ack)).toEqual([
          'acknowledged appointments missing: 4242',
          'acknowledged messages missing: 77',
        ]);

        const raw = new BetterSqlite3(file);
        const slot = raw.prepare('SELECT availability_id FROM doctor_availability LIMIT 1').pluck().get();
        raw.prepare('UPDATE doctor_availability SET is_booked = 1 WHERE availability_id = ?').run(slot);
        expect(await checkAfterCrash(file, noneAcknowledged())).toEqual([`is_booked wrong for slots ${String(slot)}`]);

        // Now the slot has its appointment, but the payment row claims a charge no ledger entry makes.
        const patient = raw.prepare('SELECT patient_id FROM patients LIMIT 1').pluck().get();
        const appointment = raw
          .prepare(
            `INSERT INTO appointments (doctor_id, patient_id, availability_id, appointment_date, appointment_time, status, created_at)
           SELECT doctor_id, ?, availability_id, available_date, start_time, 'scheduled', '2026-01-01T00:00:00Z'
             FROM doctor_availability WHERE availability_id = ?`,
          )
          .run(patient, slot).lastInsertRowid;
        const payment = raw
          .prepare("INSERT INTO payments (appointment_id, amount, payment_status) VALUES (?, 10, 'unpaid')")
          .run(appointment).lastInsertRowid;
        raw.close();
        expect(await checkAfterCrash(file, noneAcknowledged())).toEqual([
          `payment ${String(payment)}: summary 10 unpaid, ledger 0 paid`,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
