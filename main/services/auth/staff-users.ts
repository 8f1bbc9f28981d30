import type { Kysely } from 'kysely';
import type { Database, DoctorRow, UserRow } from '#db/schema.ts';
import type { StaffUser } from '#contract/index.ts';
import { notFound } from '../core/errors.ts';

type StaffRow = UserRow & { doctor: DoctorRow | null };

export function toStaffUser(row: StaffRow): StaffUser {
  if (row.role === 'patient' || row.email === null) throw notFound('staff account');
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    status: row.status,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    version: row.version,
    doctor: row.doctor
      ? {
          specialization: row.doctor.specialization,
          experienceYears: row.doctor.experience_years,
          consultationFee: row.doctor.consultation_fee,
          about: row.doctor.about,
          rating: row.doctor.rating,
          isAvailable: row.doctor.is_available === 1,
        }
      : null,
  };
}

export async function findStaffUser(db: Kysely<Database>, userId: number): Promise<StaffUser | null> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('user_id', '=', userId)
    .where('role', '!=', 'patient')
    .executeTakeFirst();
  if (!user) return null;
  const doctor =
    user.role === 'doctor'
      ? ((await db.selectFrom('doctors').selectAll().where('doctor_id', '=', userId).executeTakeFirst()) ?? null)
      : null;
  return toStaffUser({ ...user, doctor });
}

export async function loadStaffUser(db: Kysely<Database>, userId: number): Promise<StaffUser> {
  const user = await findStaffUser(db, userId);
  if (!user) throw notFound('staff account');
  return user;
}

/**
 * The account's session epoch as it stands now, read inside the writing transaction: the trigger
 * of migration 0014 moves it on when role, status or password hash change, so the caller reads it
 * after its write to start (or keep) a session that the change did not end.
 */
export async function sessionEpochOf(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select('session_epoch')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.session_epoch;
}
