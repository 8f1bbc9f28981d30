import type BetterSqlite3 from 'better-sqlite3';

// Direct inserts for schema-level tests: these check what the database itself refuses,
// below any service.

const NOW = '2026-03-02T09:00:00.000Z';

export function insertUser(
  raw: BetterSqlite3.Database,
  role: string,
  email: string | null,
  passwordHash: string | null = role === 'patient' ? null : 'hash',
): number {
  const info = raw
    .prepare('INSERT INTO users (name, email, phone, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(`${role} user`, email, '5550100', passwordHash, role, NOW);
  return Number(info.lastInsertRowid);
}

export function insertDoctor(
  raw: BetterSqlite3.Database,
  email = `doc${Math.random().toString(36).slice(2)}@x.test`,
): number {
  const id = insertUser(raw, 'doctor', email);
  raw
    .prepare('INSERT INTO doctors (doctor_id, specialization, experience_years, consultation_fee) VALUES (?, ?, ?, ?)')
    .run(id, 'General', 3, 25);
  return id;
}

export function insertPatient(raw: BetterSqlite3.Database): number {
  const id = insertUser(raw, 'patient', null);
  raw.prepare('INSERT INTO patients (patient_id, age, gender) VALUES (?, ?, ?)').run(id, 40, 'female');
  return id;
}

export function insertSlot(
  raw: BetterSqlite3.Database,
  doctorId: number,
  date = '2026-03-02',
  start = '09:00',
  end = '09:15',
): number {
  const info = raw
    .prepare('INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time) VALUES (?, ?, ?, ?)')
    .run(doctorId, date, start, end);
  return Number(info.lastInsertRowid);
}

export function insertAppointment(
  raw: BetterSqlite3.Database,
  slotId: number,
  doctorId: number,
  patientId: number,
  status = 'scheduled',
): number {
  const info = raw
    .prepare(
      'INSERT INTO appointments (doctor_id, patient_id, availability_id, appointment_date, appointment_time, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(doctorId, patientId, slotId, '2026-03-02', '09:00', status, NOW);
  return Number(info.lastInsertRowid);
}
