import type { TestApp } from './test-app.ts';

// Helpers for schedule tests: invariants checked after every scenario, and a booking made
// directly in the database until the front-desk booking service exists.

export function assertScheduleInvariants(app: TestApp): void {
  const raw = app.core.database.raw;
  const mismatched = raw
    .prepare(
      `SELECT s.availability_id FROM doctor_availability s
       WHERE s.is_booked != CASE WHEN EXISTS (SELECT 1 FROM appointments a WHERE a.availability_id = s.availability_id AND a.status NOT IN ('cancelled', 'no_show')) THEN 1 ELSE 0 END`,
    )
    .all();
  if (mismatched.length > 0) throw new Error(`is_booked disagrees with appointments for ${JSON.stringify(mismatched)}`);
  const overlapping = raw
    .prepare(
      `SELECT a.availability_id FROM doctor_availability a JOIN doctor_availability b
       ON a.doctor_id = b.doctor_id AND a.available_date = b.available_date AND a.availability_id < b.availability_id
       AND a.start_time < b.end_time AND b.start_time < a.end_time`,
    )
    .all();
  if (overlapping.length > 0) throw new Error(`overlapping slots ${JSON.stringify(overlapping)}`);
}

let patients = 0;

/** Books a slot for a new patient, keeping is_booked in step (the booking service arrives later). */
export function bookDirectly(app: TestApp, availabilityId: number, patientName = `Patient ${++patients}`): number {
  const raw = app.core.database.raw;
  const slot = raw
    .prepare('SELECT doctor_id, available_date, start_time FROM doctor_availability WHERE availability_id = ?')
    .get(availabilityId) as {
    doctor_id: number;
    available_date: string;
    start_time: string;
  };
  const patientId = Number(
    raw
      .prepare("INSERT INTO users (name, role, created_at) VALUES (?, 'patient', '2026-01-01T00:00:00Z')")
      .run(patientName).lastInsertRowid,
  );
  raw.prepare('INSERT INTO patients (patient_id) VALUES (?)').run(patientId);
  const appointmentId = Number(
    raw
      .prepare(
        "INSERT INTO appointments (doctor_id, patient_id, availability_id, appointment_date, appointment_time, status, created_at) VALUES (?, ?, ?, ?, ?, 'scheduled', '2026-01-01T00:00:00Z')",
      )
      .run(slot.doctor_id, patientId, availabilityId, slot.available_date, slot.start_time).lastInsertRowid,
  );
  raw.prepare('UPDATE doctor_availability SET is_booked = 1 WHERE availability_id = ?').run(availabilityId);
  return appointmentId;
}

export function slotsOf(
  app: TestApp,
  doctorId: number,
  date: string,
): { availability_id: number; start_time: string; end_time: string; source: string }[] {
  return app.core.database.raw
    .prepare(
      'SELECT availability_id, start_time, end_time, source FROM doctor_availability WHERE doctor_id = ? AND available_date = ? ORDER BY start_time',
    )
    .all(doctorId, date) as { availability_id: number; start_time: string; end_time: string; source: string }[];
}
