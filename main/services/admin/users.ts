import { containsText } from '#db/like.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import type { StaffUser } from '#contract/index.ts';
import type { StaffRole } from '#contract/fields.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, isUniqueViolation, staleRecord } from '../core/errors.ts';
import { hashPassword, loadStaffUser, sessionEpochOf, toStaffUser } from '../auth/index.ts';

export interface DoctorProfile {
  specialization: string;
  experienceYears: number;
  consultationFee: number;
  about: string | null;
  rating: number | null;
  isAvailable: boolean;
}

interface StaffFields {
  name: string;
  email: string;
  phone: string | null;
}

export type NewStaffUser = StaffFields &
  ({ role: 'admin' | 'receptionist'; password: string } | { role: 'doctor'; password: string; doctor: DoctorProfile });

export interface StaffUserUpdate extends StaffFields {
  userId: number;
  version: number;
  doctor?: DoctorProfile | undefined;
}

export interface UserFilter {
  query?: string | undefined;
  role?: StaffRole | undefined;
  status?: 'active' | 'inactive' | 'locked' | undefined;
}

const emailTaken = () =>
  new AppError('CONFLICT', 'Another account already uses this email address.', {
    email: 'Another account already uses this email address.',
  });

const doctorColumns = (profile: DoctorProfile) => ({
  specialization: profile.specialization,
  experience_years: profile.experienceYears,
  consultation_fee: profile.consultationFee,
  about: profile.about,
  rating: profile.rating,
  is_available: profile.isAvailable ? (1 as const) : (0 as const),
});

async function activeAdminCount(trx: Tx): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'admin')
    .where('status', '!=', 'inactive')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function createUsersService({ db, clock }: ServiceDeps) {
  async function list(filter: UserFilter): Promise<StaffUser[]> {
    let query = db
      .selectFrom('users')
      .leftJoin('doctors', 'doctors.doctor_id', 'users.user_id')
      .selectAll('users')
      .select([
        'doctors.doctor_id',
        'doctors.specialization',
        'doctors.experience_years',
        'doctors.consultation_fee',
        'doctors.about',
        'doctors.rating',
        'doctors.is_available',
        'doctors.version as doctor_version',
      ])
      .where('users.role', '!=', 'patient')
      .orderBy('users.name')
      .orderBy('users.user_id')
      .limit(1000);
    if (filter.role) query = query.where('users.role', '=', filter.role);
    if (filter.status) query = query.where('users.status', '=', filter.status);
    if (filter.query) {
      const text = filter.query;
      query = query.where((eb) =>
        eb.or([
          containsText('users.name', text),
          containsText('users.email', text),
          containsText('doctors.specialization', text),
        ]),
      );
    }
    const rows = await query.execute();
    return rows.map((row) =>
      toStaffUser({
        ...row,
        doctor:
          row.doctor_id === null || row.specialization === null
            ? null
            : {
                doctor_id: row.doctor_id,
                user_role: 'doctor',
                specialization: row.specialization,
                experience_years: row.experience_years ?? 0,
                consultation_fee: row.consultation_fee ?? 0,
                about: row.about,
                rating: row.rating,
                is_available: row.is_available ?? 0,
                version: row.doctor_version ?? 1,
              },
      }),
    );
  }

  const get = (userId: number): Promise<StaffUser> => loadStaffUser(db, userId);

  async function create(actor: Actor, input: NewStaffUser): Promise<StaffUser> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await writeTx(db, async (trx) => {
        const now = clock.now().toISOString();
        const { user_id: userId } = await trx
          .insertInto('users')
          .values({
            name: input.name,
            email: input.email,
            phone: input.phone,
            password_hash: passwordHash,
            role: input.role,
            created_at: now,
            updated_at: now,
            locked_until: null,
          })
          .returning('user_id')
          .executeTakeFirstOrThrow();
        if (input.role === 'doctor') {
          await trx
            .insertInto('doctors')
            .values({ doctor_id: userId, ...doctorColumns(input.doctor) })
            .execute();
        }
        const created = await loadStaffUser(trx, userId);
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          after: created,
        });
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'email')) throw emailTaken();
      throw error;
    }
  }

  async function update(actor: Actor, input: StaffUserUpdate): Promise<StaffUser> {
    try {
      return await writeTx(db, async (trx) => {
        const before = await loadStaffUser(trx, input.userId);
        if (before.version !== input.version) throw staleRecord('account');
        if (before.role === 'doctor' && !input.doctor) {
          throw new AppError('VALIDATION', 'Fill in the doctor profile.', { doctor: 'Fill in the doctor profile.' });
        }
        await trx
          .updateTable('users')
          .set({
            name: input.name,
            email: input.email,
            phone: input.phone,
            version: before.version + 1,
            updated_at: clock.now().toISOString(),
          })
          .where('user_id', '=', input.userId)
          .where('version', '=', input.version)
          .execute();
        if (before.role === 'doctor' && input.doctor) {
          await trx
            .updateTable('doctors')
            .set(doctorColumns(input.doctor))
            .where('doctor_id', '=', input.userId)
            .execute();
        }
        const after = await loadStaffUser(trx, input.userId);
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'user.update',
          entity: 'user',
          entityId: input.userId,
          before,
          after,
        });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'email')) throw emailTaken();
      throw error;
    }
  }

  async function setStatus(actor: Actor, userId: number, status: 'active' | 'inactive'): Promise<StaffUser> {
    return writeTx(db, async (trx) => {
      const before = await loadStaffUser(trx, userId);
      if (status === 'inactive' && userId === actor.userId) {
        throw new AppError('CONFLICT', 'You cannot deactivate your own account. Ask another admin.');
      }
      if (
        status === 'inactive' &&
        before.role === 'admin' &&
        before.status !== 'inactive' &&
        (await activeAdminCount(trx)) <= 1
      ) {
        throw new AppError('CONFLICT', 'This is the last active admin. Make another admin first.');
      }
      await trx
        .updateTable('users')
        .set({
          status,
          failed_login_count: 0,
          locked_until: null,
          version: before.version + 1,
          updated_at: clock.now().toISOString(),
        })
        .where('user_id', '=', userId)
        .execute();
      const after = await loadStaffUser(trx, userId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: status === 'inactive' ? 'user.deactivate' : 'user.activate',
        entity: 'user',
        entityId: userId,
        before,
        after,
      });
      return after;
    });
  }

  // setStatus and resetPassword end the user's sessions in every process and PC: changing the
  // status or the password hash moves users.session_epoch on (trigger of migration 0014).
  /** Returns the account's new session epoch (an admin resetting their own keeps this window). */
  async function resetPassword(actor: Actor, userId: number, newPassword: string): Promise<number> {
    const passwordHash = await hashPassword(newPassword);
    return writeTx(db, async (trx) => {
      const before = await loadStaffUser(trx, userId);
      await trx
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          failed_login_count: 0,
          locked_until: null,
          status: before.status === 'locked' ? 'active' : before.status,
          version: before.version + 1,
          updated_at: clock.now().toISOString(),
        })
        .where('user_id', '=', userId)
        .execute();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'user.reset_password',
        entity: 'user',
        entityId: userId,
      });
      return sessionEpochOf(trx, userId);
    });
  }

  return { list, get, create, update, setStatus, resetPassword };
}

export type UsersService = ReturnType<typeof createUsersService>;
