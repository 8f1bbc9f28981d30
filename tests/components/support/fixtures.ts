import type { ClinicError, ErrorCode, Result, Session, Settings, StaffUser } from '#contract/index.ts';
import type { StaffRole } from '#contract/fields.ts';

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
    version: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

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
