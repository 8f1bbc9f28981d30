import { writeTx, type Tx } from '#db/tx.ts';
import type { Resource } from '#contract/appointment-types.ts';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, isUniqueViolation, notFound } from '../core/errors.ts';
import { timeToMinutes, minutesToTime } from '#shared/dates.ts';
import { freeResources } from './resource-booking.ts';

// Rooms and other resources (an ultrasound machine): names and kinds, which types ask for.

export interface ResourceFields {
  name: string;
  kind: string;
  active: boolean;
}

const toResource = (r: { resource_id: number; name: string; kind: string; active: number }): Resource => ({
  resourceId: r.resource_id,
  name: r.name,
  kind: r.kind,
  active: r.active === 1,
});

async function readResources(db: Kysely<Database>, filter: { includeInactive?: boolean; resourceId?: number }) {
  let query = db.selectFrom('resources').select(['resource_id', 'name', 'kind', 'active']);
  if (!filter.includeInactive) query = query.where('active', '=', 1);
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  return (await query.orderBy('name').execute()).map(toResource);
}

export function createResourcesService({ db, clock }: ServiceDeps) {
  async function readOne(trx: Tx, id: number): Promise<Resource> {
    const [resource] = await readResources(trx, { includeInactive: true, resourceId: id });
    if (!resource) throw notFound('resource');
    return resource;
  }

  async function write(trx: Tx, fields: ResourceFields, id: number | null): Promise<number> {
    const now = clock.now().toISOString();
    const values = { name: fields.name, kind: fields.kind, active: fields.active ? (1 as const) : (0 as const) };
    try {
      if (id !== null) {
        await trx
          .updateTable('resources')
          .set({ ...values, updated_at: now })
          .where('resource_id', '=', id)
          .execute();
        return id;
      }
      const row = await trx
        .insertInto('resources')
        .values({ ...values, created_at: now, updated_at: now })
        .returning('resource_id')
        .executeTakeFirstOrThrow();
      return row.resource_id;
    } catch (error) {
      if (isUniqueViolation(error, 'resources')) {
        const message = `There is already a room or resource called ${fields.name}.`;
        throw new AppError('CONFLICT', message, { name: message });
      }
      throw error;
    }
  }

  /** Free resources for a slot booked as a type: the type's kind and length (the slot's own without a type). */
  async function freeFor(input: { availabilityId: number; appointmentTypeId?: number | undefined }) {
    const slot = await db
      .selectFrom('doctor_availability')
      .select(['available_date', 'start_time', 'end_time'])
      .where('availability_id', '=', input.availabilityId)
      .executeTakeFirst();
    if (!slot) {
      const message = 'Choose a slot from the calendar.';
      throw new AppError('VALIDATION', message, { availabilityId: message });
    }
    const type =
      input.appointmentTypeId === undefined
        ? undefined
        : await db
            .selectFrom('appointment_types')
            .select(['minutes', 'needs_resource_kind'])
            .where('appointment_type_id', '=', input.appointmentTypeId)
            .executeTakeFirst();
    const slotMinutes = timeToMinutes(slot.end_time) - timeToMinutes(slot.start_time);
    const minutes = Math.max(slotMinutes, type?.minutes ?? 0);
    const span = {
      date: slot.available_date,
      start: slot.start_time,
      end: minutesToTime(Math.min(timeToMinutes(slot.start_time) + minutes, 24 * 60 - 1)),
    };
    return (await freeResources(db, span, type?.needs_resource_kind ?? null)).map(toResource);
  }

  return {
    list: (input: { includeInactive?: boolean | undefined }) =>
      readResources(db, { includeInactive: input.includeInactive ?? false }),
    freeFor,
    create: (actor: Actor, fields: ResourceFields) =>
      writeTx(db, async (trx) => {
        const created = await readOne(trx, await write(trx, fields, null));
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'resource.create',
          entity: 'resource',
          entityId: created.resourceId,
          after: created,
        });
        return created;
      }),
    update: (actor: Actor, id: number, fields: ResourceFields) =>
      writeTx(db, async (trx) => {
        const before = await readOne(trx, id);
        const after = await readOne(trx, await write(trx, fields, id));
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'resource.update',
          entity: 'resource',
          entityId: id,
          before,
          after,
        });
        return after;
      }),
  };
}

export type ResourcesService = ReturnType<typeof createResourcesService>;
