import { openSqlite } from '#db/connection.ts';
import { startAppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { minorDigitsOf } from '#shared/money.ts';
import { deriveStatus } from '../../main/services/payments/payment-status.ts';
import type { AppointmentStatus } from '#db/schema.ts';
import type { Result } from '#contract/index.ts';
import { todayIn } from '#shared/dates.ts';

// The crash-survival check's clinic (made through the real channels) and what must hold
// after every SIGKILL: an intact file, every acknowledged write, and the invariants.

export const CRASH_ADMIN = { email: 'crash-admin@clinic.test', password: 'crash-admin-password-1' } as const;

function ok<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A clinic with one doctor working every day 08:00–20:00 in 10-minute slots, and 30 patients. */
export async function setUpCrashClinic(file: string): Promise<void> {
  const core = await startAppCore({ dbFile: file, logger: silentLogger });
  const key = 'crash-setup';
  const { dispatch } = core.dispatcher;
  ok(
    await dispatch(key, 'setup.complete', {
      clinicName: 'Crash Clinic',
      timeZone: 'UTC',
      currency: 'USD',
      adminName: 'Crash Admin',
      adminEmail: CRASH_ADMIN.email,
      adminPassword: CRASH_ADMIN.password,
    }),
    'setup',
  );
  const doctor = ok<{ userId: number }>(
    await dispatch(key, 'users.create', {
      name: 'Dr Ada Okafor',
      email: 'ada.okafor@clinic.test',
      password: 'doctor-password-123',
      role: 'doctor',
      doctor: { specialization: 'General practice', experienceYears: 9, consultationFee: 25.5, isAvailable: true },
    }),
    'doctor',
  );
  ok(
    await dispatch(key, 'templates.create', {
      doctorId: doctor.userId,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      startTime: '08:00',
      endTime: '20:00',
      slotMinutes: 10,
      validFrom: todayIn('UTC', new Date()),
    }),
    'weekly rule',
  );
  for (let i = 0; i < 30; i++) {
    ok(
      await dispatch(key, 'patients.register', {
        name: `Crash Patient ${i}`,
        phone: `0244 555 ${String(100 + i)}`,
        email: null,
        medicalNotes: null,
      }),
      'patient',
    );
  }
  await core.close();
}

export interface Acknowledged {
  appointments: Set<number>;
  cancelled: Set<number>;
  payments: Set<number>;
  messages: Set<number>;
}

export const noneAcknowledged = (): Acknowledged => ({
  appointments: new Set(),
  cancelled: new Set(),
  payments: new Set(),
  messages: new Set(),
});

/** Adds one line of the worker's output to what it acknowledged. */
export function acknowledge(ack: Acknowledged, line: string): void {
  if (!line.startsWith('{')) return;
  const event = JSON.parse(line) as { kind: string; id?: number };
  if (event.id === undefined) return;
  if (event.kind === 'appointment') ack.appointments.add(event.id);
  if (event.kind === 'cancel') ack.cancelled.add(event.id);
  if (event.kind === 'payment') ack.payments.add(event.id);
  if (event.kind === 'message') ack.messages.add(event.id);
}

/** Opens the file as the app would after a crash and returns what is wrong (nothing, we hope). */
export async function checkAfterCrash(file: string, ack: Acknowledged): Promise<string[]> {
  const handle = openSqlite(file);
  const raw = handle.raw;
  const problems: string[] = [];
  try {
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const missing = (table: string, column: string, ids: Set<number>): number[] => {
      const has = raw.prepare(`SELECT 1 FROM ${table} WHERE ${column} = ?`).pluck();
      return [...ids].filter((id) => has.get(id) === undefined);
    };
    const lost = {
      appointments: missing('appointments', 'appointment_id', ack.appointments),
      payments: missing('payment_ledger', 'entry_id', ack.payments),
      messages: missing('chat_messages', 'message_id', ack.messages),
    };
    for (const [what, ids] of Object.entries(lost)) {
      if (ids.length > 0) problems.push(`acknowledged ${what} missing: ${ids.join(', ')}`);
    }
    const notCancelled = [...ack.cancelled].filter(
      (id) => raw.prepare('SELECT status FROM appointments WHERE appointment_id = ?').pluck().get(id) !== 'cancelled',
    );
    if (notCancelled.length > 0) problems.push(`acknowledged cancellations lost: ${notCancelled.join(', ')}`);

    const doubleBooked = raw
      .prepare(
        `SELECT availability_id FROM appointments WHERE status NOT IN ('cancelled', 'no_show')
          GROUP BY availability_id HAVING count(*) > 1`,
      )
      .pluck()
      .all();
    if (doubleBooked.length > 0) problems.push(`slots with two live appointments: ${doubleBooked.join(', ')}`);
    const wrongFlag = raw
      .prepare(
        `SELECT availability_id FROM doctor_availability s
          WHERE is_booked != EXISTS (SELECT 1 FROM appointments a
            WHERE a.availability_id = s.availability_id AND a.status NOT IN ('cancelled', 'no_show'))`,
      )
      .pluck()
      .all();
    if (wrongFlag.length > 0) problems.push(`is_booked wrong for slots ${wrongFlag.join(', ')}`);
    problems.push(...ledgerProblems(raw));
  } finally {
    await handle.close();
  }
  return problems;
}

interface PaymentSums {
  payment_id: number;
  amount: number;
  payment_status: string;
  status: AppointmentStatus;
  charge: number;
  paid: number;
  refunded: number;
}

/** Every payments row's summary equals what its ledger entries add up to. */
function ledgerProblems(raw: ReturnType<typeof openSqlite>['raw']): string[] {
  const currency = String(raw.prepare('SELECT currency FROM settings WHERE id = 1').pluck().get());
  const scale = 10 ** minorDigitsOf(currency);
  const rows = raw
    .prepare(
      `SELECT p.payment_id, p.amount, p.payment_status, a.status,
              coalesce(sum(CASE WHEN l.kind IN ('charge', 'adjustment') THEN l.amount_minor END), 0) AS charge,
              coalesce(sum(CASE WHEN l.kind = 'payment' THEN l.amount_minor END), 0) AS paid,
              coalesce(sum(CASE WHEN l.kind = 'refund' THEN l.amount_minor END), 0) AS refunded
         FROM payments p JOIN appointments a ON a.appointment_id = p.appointment_id
         LEFT JOIN payment_ledger l ON l.payment_id = p.payment_id
        GROUP BY p.payment_id`,
    )
    .all() as PaymentSums[];
  const problems: string[] = [];
  for (const r of rows) {
    const expected = deriveStatus({ chargeMinor: r.charge, paidMinor: r.paid, refundedMinor: r.refunded }, r.status);
    if (Math.round(r.amount * scale) !== r.charge || r.payment_status !== expected) {
      problems.push(
        `payment ${r.payment_id}: summary ${r.amount} ${r.payment_status}, ledger ${r.charge / scale} ${expected}`,
      );
    }
  }
  const withoutPayment = raw
    .prepare(
      'SELECT count(*) FROM appointments a WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.appointment_id = a.appointment_id)',
    )
    .pluck()
    .get();
  if (withoutPayment !== 0) problems.push(`${String(withoutPayment)} appointments without their payments row`);
  return problems;
}
