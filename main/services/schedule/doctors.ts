import type { Kysely } from 'kysely';
import { containsText } from '#db/like.ts';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import type { Doctor } from '#contract/schedule.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound, staleRecord } from '../core/errors.ts';
import type { DoctorProfile } from '../admin/index.ts';

function doctorsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('doctors as d')
    .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
    .select([
      'd.doctor_id',
      'u.name',
      'u.email',
      'u.phone',
      'u.status',
      'd.specialization',
      'd.experience_years',
      'd.consultation_fee',
      'd.about',
      'd.rating',
      'd.is_available',
      'd.version',
    ]);
}

type DoctorRecord = Awaited<ReturnType<ReturnType<typeof doctorsQuery>['execute']>>[number];

const toDoctor = (r: DoctorRecord): Doctor => ({
  doctorId: r.doctor_id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  specialization: r.specialization,
  experienceYears: r.experience_years,
  consultationFee: r.consultation_fee,
  about: r.about,
  rating: r.rating,
  isAvailable: r.is_available === 1,
  accountActive: r.status !== 'inactive',
  version: r.version,
});

export function createDoctorsService({ db, clock }: ServiceDeps) {
  async function load(trx: Kysely<Database>, doctorId: number): Promise<Doctor> {
    const row = await doctorsQuery(trx).where('d.doctor_id', '=', doctorId).executeTakeFirst();
    if (!row) throw notFound('doctor');
    return toDoctor(row);
  }

  async function list(filter: {
    query?: string | undefined;
    specialization?: string | undefined;
    availableOnly?: boolean | undefined;
  }): Promise<Doctor[]> {
    let q = doctorsQuery(db).where('u.status', '!=', 'inactive');
    if (filter.query) {
      const text = filter.query;
      q = q.where((eb) => eb.or([containsText('u.name', text), containsText('d.specialization', text)]));
    }
    if (filter.specialization) q = q.where('d.specialization', '=', filter.specialization);
    if (filter.availableOnly) q = q.where('d.is_available', '=', 1);
    return (await q.orderBy('u.name').execute()).map(toDoctor);
  }

  async function specializations(): Promise<string[]> {
    const rows = await db
      .selectFrom('doctors as d')
      .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
      .select('d.specialization')
      .distinct()
      .where('u.status', '!=', 'inactive')
      .orderBy('d.specialization')
      .execute();
    return rows.map((r) => r.specialization);
  }

  async function update(actor: Actor, doctorId: number, version: number, profile: DoctorProfile): Promise<Doctor> {
    return writeTx(db, async (trx) => {
      const before = await load(trx, doctorId);
      if (before.version !== version) throw staleRecord('doctor profile');
      await trx
        .updateTable('doctors')
        .set({
          specialization: profile.specialization,
          experience_years: profile.experienceYears,
          consultation_fee: profile.consultationFee,
          about: profile.about,
          rating: profile.rating,
          is_available: profile.isAvailable ? 1 : 0,
          version: before.version + 1,
        })
        .where('doctor_id', '=', doctorId)
        .execute();
      const after = await load(trx, doctorId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'doctor.update',
        entity: 'doctor',
        entityId: doctorId,
        before,
        after,
      });
      return after;
    });
  }

  async function updateAbout(actor: Actor, doctorId: number, version: number, about: string | null): Promise<Doctor> {
    if (actor.role === 'doctor' && actor.userId !== doctorId) {
      throw new AppError('FORBIDDEN', 'Doctors can edit only their own profile.');
    }
    return writeTx(db, async (trx) => {
      const before = await load(trx, doctorId);
      if (before.version !== version) throw staleRecord('doctor profile');
      await trx
        .updateTable('doctors')
        .set({ about, version: before.version + 1 })
        .where('doctor_id', '=', doctorId)
        .execute();
      const after = await load(trx, doctorId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'doctor.update_about',
        entity: 'doctor',
        entityId: doctorId,
        before: { about: before.about },
        after: { about },
      });
      return after;
    });
  }

  return { list, get: (doctorId: number) => load(db, doctorId), specializations, update, updateAbout };
}

export type DoctorsService = ReturnType<typeof createDoctorsService>;
