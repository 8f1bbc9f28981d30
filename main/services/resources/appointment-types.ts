import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import { majorNumberToMinor, minorDigitsOf, toMajorNumber } from '#shared/money.ts';
import type { AppointmentType } from '#contract/appointment-types.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, isUniqueViolation, notFound } from '../core/errors.ts';

// Appointment types: what is booked, how long it takes, its colour and fee, and who offers it.

export interface TypeFields {
  name: string;
  minutes: number;
  colour: string;
  defaultFee: number | null;
  needsResourceKind: string | null;
  active: boolean;
  doctorIds: number[];
}

async function currencyDigits(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('settings').select('currency').executeTakeFirst();
  return minorDigitsOf(row?.currency ?? 'USD');
}

/** Every type (or one), with its doctors, as the contract shows it. */
export async function readTypes(
  db: Kysely<Database>,
  filter: { includeInactive?: boolean; appointmentTypeId?: number },
): Promise<AppointmentType[]> {
  let query = db.selectFrom('appointment_types').selectAll();
  if (!filter.includeInactive) query = query.where('active', '=', 1);
  if (filter.appointmentTypeId !== undefined) query = query.where('appointment_type_id', '=', filter.appointmentTypeId);
  const rows = await query.orderBy('name').execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('appointment_type_doctors')
    .select(['appointment_type_id', 'doctor_id'])
    .where(
      'appointment_type_id',
      'in',
      rows.map((r) => r.appointment_type_id),
    )
    .orderBy('doctor_id')
    .execute();
  const digits = await currencyDigits(db);
  return rows.map((r) => ({
    appointmentTypeId: r.appointment_type_id,
    name: r.name,
    minutes: r.minutes,
    colour: r.colour,
    defaultFee: r.default_fee_minor === null ? null : toMajorNumber(r.default_fee_minor, digits),
    needsResourceKind: r.needs_resource_kind,
    active: r.active === 1,
    doctorIds: links.filter((l) => l.appointment_type_id === r.appointment_type_id).map((l) => l.doctor_id),
  }));
}

export interface TypeForBooking {
  appointmentTypeId: number;
  name: string;
  minutes: number;
  colour: string;
  defaultFeeMinor: number | null;
  needsResourceKind: string | null;
}

/** The active type a doctor offers, or a VALIDATION error on `appointmentTypeId` saying why not. */
export async function typeForBooking(
  trx: Tx,
  appointmentTypeId: number,
  doctor: { id: number; name: string },
): Promise<TypeForBooking> {
  const row = await trx
    .selectFrom('appointment_types as t')
    .leftJoin('appointment_type_doctors as td', (join) =>
      join.onRef('td.appointment_type_id', '=', 't.appointment_type_id').on('td.doctor_id', '=', doctor.id),
    )
    .select([
      't.name',
      't.minutes',
      't.colour',
      't.default_fee_minor',
      't.needs_resource_kind',
      't.active',
      'td.doctor_id',
    ])
    .where('t.appointment_type_id', '=', appointmentTypeId)
    .executeTakeFirst();
  const refuse = (message: string): never => {
    throw new AppError('VALIDATION', message, { appointmentTypeId: message });
  };
  if (!row || row.active !== 1) return refuse('Choose an appointment type from the list.');
  if (row.doctor_id === null)
    return refuse(`${doctor.name} does not offer ${row.name}. Choose another type or doctor.`);
  return {
    appointmentTypeId,
    name: row.name,
    minutes: row.minutes,
    colour: row.colour,
    defaultFeeMinor: row.default_fee_minor,
    needsResourceKind: row.needs_resource_kind,
  };
}

export function createAppointmentTypesService({ db, clock }: ServiceDeps) {
  async function requireDoctors(trx: Tx, doctorIds: readonly number[]): Promise<void> {
    const found = await trx.selectFrom('doctors').select('doctor_id').where('doctor_id', 'in', doctorIds).execute();
    if (found.length !== doctorIds.length) {
      const message = 'Choose doctors from the list.';
      throw new AppError('VALIDATION', message, { doctorIds: message });
    }
  }

  async function write(trx: Tx, fields: TypeFields, id: number | null): Promise<number> {
    await requireDoctors(trx, fields.doctorIds);
    const now = clock.now().toISOString();
    const digits = await currencyDigits(trx);
    const values = {
      name: fields.name,
      minutes: fields.minutes,
      colour: fields.colour,
      default_fee_minor: fields.defaultFee === null ? null : majorNumberToMinor(fields.defaultFee, digits),
      needs_resource_kind: fields.needsResourceKind,
      active: fields.active ? (1 as const) : (0 as const),
      updated_at: now,
    };
    let typeId: number;
    try {
      if (id === null) {
        const row = await trx
          .insertInto('appointment_types')
          .values({ ...values, created_at: now })
          .returning('appointment_type_id')
          .executeTakeFirstOrThrow();
        typeId = row.appointment_type_id;
      } else {
        await trx.updateTable('appointment_types').set(values).where('appointment_type_id', '=', id).execute();
        typeId = id;
      }
    } catch (error) {
      if (isUniqueViolation(error, 'appointment_types')) {
        const message = `There is already a type called ${fields.name}.`;
        throw new AppError('CONFLICT', message, { name: message });
      }
      throw error;
    }
    await trx.deleteFrom('appointment_type_doctors').where('appointment_type_id', '=', typeId).execute();
    await trx
      .insertInto('appointment_type_doctors')
      .values(fields.doctorIds.map((doctorId) => ({ appointment_type_id: typeId, doctor_id: doctorId })))
      .execute();
    return typeId;
  }

  async function readOne(trx: Tx, id: number): Promise<AppointmentType> {
    const [type] = await readTypes(trx, { includeInactive: true, appointmentTypeId: id });
    if (!type) throw notFound('appointment type');
    return type;
  }

  return {
    list: (input: { includeInactive?: boolean | undefined }) =>
      readTypes(db, { includeInactive: input.includeInactive ?? false }),
    create: (actor: Actor, fields: TypeFields) =>
      writeTx(db, async (trx) => {
        const created = await readOne(trx, await write(trx, fields, null));
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'appointment_type.create',
          entity: 'appointment_type',
          entityId: created.appointmentTypeId,
          after: created,
        });
        return created;
      }),
    update: (actor: Actor, id: number, fields: TypeFields) =>
      writeTx(db, async (trx) => {
        const before = await readOne(trx, id);
        const after = await readOne(trx, await write(trx, fields, id));
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'appointment_type.update',
          entity: 'appointment_type',
          entityId: id,
          before,
          after,
        });
        return after;
      }),
  };
}

export type AppointmentTypesService = ReturnType<typeof createAppointmentTypesService>;
