import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { useDatabaseKey } from '#db/cipher.ts';
import { newDatabaseKey } from '#db/database-key.ts';
import { deletePlainCopy, encryptFile } from '#db/encrypt-file.ts';
import type { ChannelName } from '#contract/index.ts';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { interleaved, percentile, type Figure } from './measure.ts';
import { BENCH_ADMIN, FIRST_SPECIALIZATION } from './seed.ts';

// Encryption on and off in the same run: the seeded clinic and an encrypted copy of it (same
// rows, same ids), each behind its own app core, the same calls made on both turn about.
// Figures: encrypted p50 ÷ plain p50 for booking, lookup, search and the day view (goal ≤ 1.3).

const KEY = 'bench';

async function signedIn(file: string): Promise<AppCore> {
  const core = await startAppCore({ dbFile: file, logger: silentLogger });
  const result = await core.dispatcher.dispatch(KEY, 'auth.signIn', BENCH_ADMIN);
  if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
  return core;
}

async function call(core: AppCore, channel: ChannelName, input: unknown): Promise<void> {
  const result = await core.dispatcher.dispatch(KEY, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
}

function ratioFigure(plain: number[], encrypted: number[], what: string): Figure {
  const plainP50 = percentile(plain, 50);
  const encryptedP50 = percentile(encrypted, 50);
  return {
    value: encryptedP50 / plainP50,
    unit: '×',
    goal: '≤ 1.3',
    note: `${what}: p50 ${encryptedP50.toFixed(2)} ms encrypted vs ${plainP50.toFixed(2)} ms plain`,
  };
}

/** `file`: the seeded plain clinic (closed); `dir`: where its encrypted copy goes. */
export async function encryptionFigures(
  file: string,
  dir: string,
  iterations: number,
): Promise<Record<string, Figure>> {
  const encryptedFile = join(dir, 'bench-encrypted.sqlite');
  copyFileSync(file, encryptedFile);
  const key = newDatabaseKey();
  const started = performance.now();
  encryptFile(encryptedFile, key);
  const encryptSeconds = (performance.now() - started) / 1000;
  deletePlainCopy(encryptedFile);
  // The plain file opens plain whatever the key in use (cipher.ts looks at its header).
  useDatabaseKey(key);
  const plain = await signedIn(file);
  const encrypted = await signedIn(encryptedFile);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const slots = await plain.database.db
      .selectFrom('doctor_availability')
      .select('availability_id')
      .where('available_date', '>', today)
      .where('is_booked', '=', 0)
      .where('blocked_reason', 'is', null)
      .orderBy('availability_id', 'desc')
      .limit(iterations + 20)
      .execute();
    const patients = await plain.database.db
      .selectFrom('users')
      .select(['user_id', 'name'])
      .where('role', '=', 'patient')
      .orderBy('user_id')
      .limit(iterations + 20)
      .execute();
    const slotAt = (i: number) => slots[i % slots.length]?.availability_id ?? 0;
    const patientAt = (i: number) => patients[(i * 7) % patients.length]?.user_id ?? 0;
    const book = (core: AppCore) => (i: number) =>
      // The override: a seeded patient may already have a visit at that time (a clash is not what is measured).
      call(core, 'appointments.book', {
        availabilityId: slotAt(i),
        patientId: patientAt(i),
        overlapOverrideReason: 'bench',
      });
    const booking = await interleaved(Math.min(iterations, slots.length - 20), 20, book(plain), book(encrypted));

    const lookup = (core: AppCore) => (i: number) =>
      call(core, 'appointments.get', { appointmentId: 1 + ((i * 7919) % 5000) });
    const lookups = await interleaved(iterations, 20, lookup(plain), lookup(encrypted));

    const queries = patients.map((p) => p.name.split(' ').at(-1)?.slice(0, 4) ?? p.name.slice(0, 4));
    const search = (core: AppCore) => (i: number) =>
      call(core, 'patients.search', { query: queries[i % queries.length] });
    const searches = await interleaved(iterations, 20, search(plain), search(encrypted));

    const day = (core: AppCore) => () =>
      call(core, 'schedule.day', { date: today, specialization: FIRST_SPECIALIZATION });
    const days = await interleaved(20, 3, day(plain), day(encrypted));

    return {
      encrypt_existing_s: {
        value: encryptSeconds,
        unit: 's',
        goal: 'info',
        note: 'encrypting a copy of the seeded clinic, checked',
      },
      encrypted_booking_ratio: ratioFigure(booking.a, booking.b, 'appointments.book'),
      encrypted_lookup_ratio: ratioFigure(lookups.a, lookups.b, 'appointments.get'),
      encrypted_search_ratio: ratioFigure(searches.a, searches.b, 'patients.search'),
      encrypted_day_view_ratio: ratioFigure(days.a, days.b, 'schedule.day'),
    };
  } finally {
    await plain.close();
    await encrypted.close();
    useDatabaseKey(null);
  }
}
