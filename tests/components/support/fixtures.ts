import type { ClinicError, ErrorCode, Result, Session, Settings, StaffUser } from '#contract/index.ts';
import type { StaffRole } from '#contract/fields.ts';
import type { Appointment, Board } from '#contract/front-desk.ts';
import type { Demographics } from '#contract/patients.ts';
import { APPOINTMENT_STATUSES } from '#shared/statuses.ts';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => {
  const error: ClinicError = fields ? { code, message, fields } : { code, message };
  return { ok: false, error };
};

const NAMES: Record<StaffRole, string> = { admin: 'Ada Admin', receptionist: 'Rita Desk', doctor: 'Dr Dan' };

export function sessionFor(role: StaffRole, overrides: Partial<Session> = {}): Session {
  return {
    user: {
      userId: role === 'admin' ? 1 : role === 'receptionist' ? 2 : 3,
      name: NAMES[role],
      email: `${role}@clinic.test`,
      role,
    },
    locked: false,
    idleLockMinutes: 15,
    ...overrides,
  };
}

export function settingsFixture(overrides: Partial<Settings> = {}): Settings {
  return {
    clinicName: 'Sunrise Clinic',
    clinicAddress: '1 High Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    defaultSlotMinutes: 15,
    idleLockMinutes: 15,
    timeFormat: '24h',
    scheduleHorizonWeeks: 12,
    refundApprovalThreshold: 100,
    likelyNoShowMinutes: 20,
    requiredPatientFields: [],
    version: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A patient's record with no demographics filled in and no guardian or children. */
export const NO_DEMOGRAPHICS: Demographics & { guardian: null; children: [] } = {
  addressLine1: null,
  addressLine2: null,
  city: null,
  postcode: null,
  country: null,
  idNumber: null,
  idKind: null,
  insuranceProvider: null,
  insuranceMemberNumber: null,
  preferredLanguage: null,
  emergencyName: null,
  emergencyRelation: null,
  emergencyPhone: null,
  guardianPatientId: null,
  guardian: null,
  children: [],
};

export function staffUser(overrides: Partial<StaffUser> = {}): StaffUser {
  return {
    userId: 7,
    name: 'Maria Lopez',
    email: 'maria@clinic.test',
    phone: null,
    role: 'receptionist',
    status: 'active',
    lockedUntil: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    version: 3,
    doctor: null,
    ...overrides,
  };
}

/** The board's answer for a day whose appointments all fit on one page, counted as main counts them. */
export function boardFixture(
  date: string,
  time: string,
  appointments: readonly (Appointment & { statusReason?: string | null })[],
  overrides: Partial<Board> = {},
): Board {
  const doctors = new Map<number, { doctorId: number; name: string; count: number }>();
  for (const a of appointments) {
    const doctor = doctors.get(a.doctorId) ?? { doctorId: a.doctorId, name: a.doctorName, count: 0 };
    doctors.set(a.doctorId, { ...doctor, count: doctor.count + 1 });
  }
  return {
    date,
    now: { date, time },
    appointments: appointments.map((a) => ({ ...a, statusReason: a.statusReason ?? null })),
    offset: 0,
    total: appointments.length,
    statusCounts: Object.fromEntries(
      APPOINTMENT_STATUSES.map((s) => [s, appointments.filter((a) => a.status === s).length]),
    ) as Board['statusCounts'],
    doctors: [...doctors.values()].sort((x, y) => x.name.localeCompare(y.name)),
    likelyNoShowMinutes: 20,
    ...overrides,
  };
}
