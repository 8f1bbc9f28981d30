import { deskWorld, type DeskWorld } from './front-desk.ts';
import { ADMIN_KEY, type TestApp } from './test-app.ts';

// A desk world with one booked appointment to take money for.
// Test clock: Monday 2026-03-02 09:00 in Europe/London; the clinic's currency is GBP;
// Dr Ama Mensah's fee is 30.00 (3000 minor units).

export interface PaymentsWorld extends DeskWorld {
  patientId: number;
  /** Books a fresh appointment (default: today 10:00 with Dr Mensah) and returns its id. */
  book(date?: string, time?: string, doctorId?: number, patientId?: number): Promise<number>;
}

export async function paymentsWorld(app: TestApp): Promise<PaymentsWorld> {
  const world = await deskWorld(app);
  const patientId = await world.patient('Maria Perera');
  return {
    ...world,
    patientId,
    async book(date = '2026-03-02', time = '10:00', doctorId = world.doctor.userId, patient = patientId) {
      const booked = await app.ok(world.desk, 'appointments.book', {
        availabilityId: world.slot(date, time, doctorId),
        patientId: patient,
      });
      return booked.appointmentId;
    },
  };
}

/** The summary columns of a payments row, as stored. */
export function paymentRow(app: TestApp, appointmentId: number) {
  return app.core.database.raw
    .prepare(
      'SELECT payment_id, amount, payment_method, payment_status, transaction_date FROM payments WHERE appointment_id = ?',
    )
    .get(appointmentId) as {
    payment_id: number;
    amount: number;
    payment_method: string | null;
    payment_status: string;
    transaction_date: string | null;
  };
}

/** Sets the refund limit (major units) through the settings channel. */
export async function setRefundThreshold(app: TestApp, threshold: number): Promise<void> {
  const settings = await app.ok(ADMIN_KEY, 'settings.get', {});
  const { updatedAt: _u, refundApprovalThreshold: _r, ...rest } = settings;
  await app.ok(ADMIN_KEY, 'settings.update', { ...rest, refundApprovalThreshold: threshold });
}
