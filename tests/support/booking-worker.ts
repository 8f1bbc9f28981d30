import { openDatabase, targetOf } from '#db/connection-any.ts';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';

// One desk in its own process: waits for the common start time, then tries to book every
// given slot for its patient through the real dispatcher, and reports each outcome.
// EXTRA (optional): JSON merged into each booking's input (an appointment type, a room).
const [dbFile, deskUserId, patientId, slotList, startAt, extra] = process.argv.slice(2);
if (!dbFile || !deskUserId || !patientId || !slotList || !startAt)
  throw new Error('usage: booking-worker DB DESK PATIENT SLOTS START [EXTRA]');

// DB is the test's SQLite file or, in the PostgreSQL project, its database URL.
const core = await startAppCore({ database: await openDatabase(targetOf(dbFile)), logger: silentLogger });
core.sessions.start('worker', {
  userId: Number(deskUserId),
  name: 'Worker',
  email: 'worker@clinic.test',
  role: 'receptionist',
});
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));

const outcomes: string[] = [];
for (const slot of slotList.split(',').map(Number)) {
  try {
    const result = await core.dispatcher.dispatch('worker', 'appointments.book', {
      availabilityId: slot,
      patientId: Number(patientId),
      ...(extra ? (JSON.parse(extra) as { appointmentTypeId?: number; resourceId?: number }) : {}),
    });
    outcomes.push(result.ok ? 'ok' : result.error.code);
  } catch (error) {
    outcomes.push(`crash: ${String(error)}`);
  }
}
await core.close();
process.stdout.write(JSON.stringify(outcomes));
