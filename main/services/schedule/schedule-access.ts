import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import type { Actor } from '../core/context.ts';
import { AppError } from '../core/errors.ts';

/** Admins and receptionists keep every doctor's schedule; a doctor keeps only their own. */
export function assertCanManageSchedule(actor: Actor, doctorId: number): void {
  if (actor.role === 'doctor' && actor.userId !== doctorId) {
    throw new AppError('FORBIDDEN', 'Doctors can change only their own schedule.');
  }
}

export interface DoctorIdentity {
  doctorId: number;
  name: string;
  isAvailable: boolean;
  accountActive: boolean;
}

/** The doctor, or a VALIDATION error naming the field that chose them. */
export async function requireDoctor(
  db: Kysely<Database>,
  doctorId: number,
  field = 'doctorId',
): Promise<DoctorIdentity> {
  const row = await db
    .selectFrom('doctors')
    .innerJoin('users', 'users.user_id', 'doctors.doctor_id')
    .select(['doctors.doctor_id', 'users.name', 'doctors.is_available', 'users.status'])
    .where('doctors.doctor_id', '=', doctorId)
    .executeTakeFirst();
  if (!row)
    throw new AppError('VALIDATION', 'Choose a doctor from the list.', { [field]: 'Choose a doctor from the list.' });
  return {
    doctorId: row.doctor_id,
    name: row.name,
    isAvailable: row.is_available === 1,
    accountActive: row.status !== 'inactive',
  };
}
