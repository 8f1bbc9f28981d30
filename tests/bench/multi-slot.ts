import { timeToMinutes } from '#shared/dates.ts';
import type { AppCore } from '../../main/app-core.ts';
import type { DeskContext } from './booking.ts';
import { interleaved, percentile, type Figure } from './measure.ts';

// Booking a type three slots long (joining three free slots into one) against booking one
// slot, both through the real dispatcher, in turns: the join's cost as a ratio in the same run.

const SLOTS_JOINED = 3;

interface Window {
  first: number;
  doctorId: number;
  slotMinutes: number;
}

/** Rows read at a time while looking for windows (a busy clinic has few runs of free slots). */
const PAGE_ROWS = 20_000;

/** Up to `count` runs of three consecutive free slots of one doctor on a future date: the first slot of each. */
async function freeWindows(core: AppCore, count: number): Promise<Window[]> {
  const today = new Date().toISOString().slice(0, 10);
  const windows: Window[] = [];
  // Page by page from the last date back, until there are enough: at a big clinic's size most
  // slots are booked, and one fixed read found too few (137 of 840 at 100,000 patients).
  for (let offset = 0; windows.length < count; offset += PAGE_ROWS) {
    const rows = await core.database.db
      .selectFrom('doctor_availability')
      .select(['availability_id', 'doctor_id', 'available_date', 'start_time', 'end_time'])
      .where('available_date', '>', today)
      .where('is_booked', '=', 0)
      .where('blocked_reason', 'is', null)
      .orderBy('available_date', 'desc')
      .orderBy('doctor_id')
      .orderBy('start_time')
      .limit(PAGE_ROWS)
      .offset(offset)
      .execute();
    if (rows.length === 0) break;
    for (let i = 0; i + SLOTS_JOINED <= rows.length && windows.length < count;) {
      const run = rows.slice(i, i + SLOTS_JOINED);
      const whole = run.every(
        (row, j) =>
          j === 0 ||
          (row.doctor_id === run[0]?.doctor_id &&
            row.available_date === run[0].available_date &&
            row.start_time === run[j - 1]?.end_time),
      );
      const first = run[0];
      if (!whole || !first) {
        i += 1;
        continue;
      }
      windows.push({
        first: first.availability_id,
        doctorId: first.doctor_id,
        slotMinutes: timeToMinutes(first.end_time) - timeToMinutes(first.start_time),
      });
      i += SLOTS_JOINED;
    }
  }
  return windows;
}

export async function multiSlotFigures(desk: DeskContext, iterations: number): Promise<Record<string, Figure>> {
  const { core, key } = desk;
  const warmUp = Math.min(20, iterations);
  const windows = await freeWindows(core, 2 * (iterations + warmUp));
  // The seeded clinic is mostly booked: as many turns as it has free windows for, at least 50.
  const turns = Math.min(iterations, Math.floor(windows.length / 2) - warmUp);
  if (turns < 50) throw new Error(`the bench needs ${2 * (50 + warmUp)} free windows, found ${windows.length}`);
  const total = turns + warmUp;
  const doctorIds = [...new Set(windows.map((w) => w.doctorId))];
  const slotMinutes = windows[0]?.slotMinutes ?? 15;
  const type = await core.dispatcher.dispatch(key, 'types.create', {
    name: `Bench long visit ${Date.now()}`,
    minutes: SLOTS_JOINED * slotMinutes,
    colour: '#2f7d4a',
    defaultFee: null,
    needsResourceKind: null,
    active: true,
    doctorIds,
  });
  if (!type.ok) throw new Error(`could not create the bench type: ${type.error.message}`);
  const { appointmentTypeId } = type.value as { appointmentTypeId: number };
  const patient = (i: number) => desk.patientIds.first + ((i * 7919) % desk.patientIds.count);
  let refused = 0;
  const book = async (input: { availabilityId: number; patientId: number; appointmentTypeId?: number }) => {
    const result = await core.dispatcher.dispatch(key, 'appointments.book', input);
    // A window that is not whole (a slot of another length, a patient busy then) is skipped, counted.
    if (!result.ok) refused += 1;
  };
  const samples = await interleaved(
    turns,
    warmUp,
    (i) => book({ availabilityId: windows[2 * i]?.first ?? 0, patientId: patient(2 * i) }),
    (i) =>
      book({
        availabilityId: windows[2 * i + 1]?.first ?? 0,
        patientId: patient(2 * i + 1),
        appointmentTypeId,
      }),
  );
  const single = percentile(samples.a, 50);
  const joined = percentile(samples.b, 50);
  return {
    multi_slot_booking_vs_single: {
      value: joined / single,
      unit: '×',
      goal: '< 2',
      note: `p50 ${joined.toFixed(2)} ms joining ${SLOTS_JOINED} slots vs ${single.toFixed(2)} ms for one; ${refused} refused of ${2 * total}`,
    },
  };
}
