import { writeSync } from 'node:fs';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { createRng } from '../../main/cli/seed/prng.ts';
import type { Result } from '#contract/index.ts';
import { useDatabaseKey } from '#db/cipher.ts';
import { CRASH_ADMIN } from './crash-setup.ts';

// The child of the crash-survival test: starts the real app core on the database file and
// books, takes payments and sends messages through the dispatcher in a loop, printing one
// JSON line per acknowledged write (after the channel returned, so after the commit). The
// parent SIGKILLs it at a random moment and checks every acknowledged write survived.
//   node tests/support/crash-worker.ts <db file> <seed>   (then a line on stdin to start)

const [file, seedText = '1'] = process.argv.slice(2);
if (!file) throw new Error('usage: crash-worker.ts <db file> <seed>');
const rng = createRng(Number(seedText), 'crash-worker');
const say = (line: object): void => {
  // Synchronous: a line printed is a line the parent gets, even if we die right after.
  writeSync(1, `${JSON.stringify(line)}\n`);
};

// The parent starts the next worker while it checks the file after the last kill: wait for its
// "go" (the modules are loaded by now) before touching the database.
await new Promise<void>((resolve) => {
  process.stdin.once('data', () => resolve());
});
process.stdin.pause();
// An encrypted run's key, as the parent set it (64 hex digits).
useDatabaseKey(process.env.CLINIC_DB_KEY ?? null);
const core = await startAppCore({ dbFile: file, logger: silentLogger });
const key = 'crash-worker';
const { dispatch } = core.dispatcher;
function ok<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
ok(await dispatch(key, 'auth.signIn', CRASH_ADMIN), 'sign-in');

const raw = core.database.raw;
const doctorId = Number(raw.prepare('SELECT doctor_id FROM doctors ORDER BY doctor_id LIMIT 1').pluck().get());
const patients = raw.prepare('SELECT patient_id FROM patients ORDER BY patient_id').pluck().all() as number[];
const freeSlot = raw.prepare(
  `SELECT availability_id FROM doctor_availability
    WHERE is_booked = 0 AND blocked_reason IS NULL AND available_date > ? LIMIT 1 OFFSET ?`,
);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
say({ kind: 'ready' });

for (let n = 0; ; n++) {
  const patientId = patients[rng.int(0, patients.length - 1)] ?? 0;
  const slotId = freeSlot.pluck().get(tomorrow, rng.int(0, 50)) as number | undefined;
  if (slotId === undefined) throw new Error('no free slot left');
  const booked = await dispatch(key, 'appointments.book', { availabilityId: slotId, patientId });
  // Another run may have taken it between our read and the booking only in theory (one writer).
  const appointment = ok<{ appointmentId: number }>(booked, 'booking');
  say({ kind: 'appointment', id: appointment.appointmentId, slotId });

  if (n % 2 === 0) {
    const paid = ok<{ entryId: number }>(
      await dispatch(key, 'payments.take', {
        appointmentId: appointment.appointmentId,
        amount: rng.chance(0.5) ? '10' : '25.50',
        method: 'card',
        reference: null,
      }),
      'payment',
    );
    say({ kind: 'payment', id: paid.entryId, appointmentId: appointment.appointmentId });
  }

  const thread = ok<{ chatId: number }>(await dispatch(key, 'messages.openThread', { doctorId, patientId }), 'thread');
  const sent = ok<{ messageId: number }>(
    await dispatch(key, 'messages.send', { chatId: thread.chatId, text: `Visit ${appointment.appointmentId} booked.` }),
    'message',
  );
  say({ kind: 'message', id: sent.messageId });

  if (n % 5 === 4) {
    ok(
      await dispatch(key, 'appointments.cancel', {
        appointmentId: appointment.appointmentId,
        reason: 'Patient called to cancel.',
      }),
      'cancel',
    );
    say({ kind: 'cancel', id: appointment.appointmentId });
  }
}
