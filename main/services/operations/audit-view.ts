import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import type { AuditFilters, AuditRow } from '#contract/operations.ts';
import { localToUtcIso, addDays } from '#shared/dates.ts';
import type { ServiceDeps } from '../core/context.ts';
import { subjectNames } from './audit-subjects.ts';

export interface AuditPage {
  rows: AuditRow[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

async function timeZoneOf(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('settings').select('time_zone').where('id', '=', 1).executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

/**
 * The audit trail for admins: newest first, keyset-paged on audit_id (no OFFSET, so the
 * millionth row costs what the first does), filtered by user, action, entity, patient and
 * the clinic's dates. A patient filter takes the patient's own rows and their appointments'.
 */
export function createAuditViewService({ db }: ServiceDeps) {
  async function list(filters: AuditFilters, cursor: number | undefined, limit: number): Promise<AuditPage> {
    const timeZone = filters.from || filters.to ? await timeZoneOf(db) : 'UTC';
    let query = db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.user_id', 'a.user_id')
      .select([
        'a.audit_id',
        'a.at',
        'a.user_id',
        'u.name as user_name',
        'a.action',
        'a.entity',
        'a.entity_id',
        'a.before_json',
        'a.after_json',
      ]);
    if (cursor !== undefined) query = query.where('a.audit_id', '<', cursor);
    if (filters.userId !== undefined) query = query.where('a.user_id', '=', filters.userId);
    if (filters.action) query = query.where('a.action', '=', filters.action);
    if (filters.entity) query = query.where('a.entity', '=', filters.entity);
    if (filters.from) query = query.where('a.at', '>=', localToUtcIso(filters.from, '00:00', timeZone));
    if (filters.to) query = query.where('a.at', '<', localToUtcIso(addDays(filters.to, 1), '00:00', timeZone));
    if (filters.patientId !== undefined) {
      const patientId = filters.patientId;
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('a.entity', '=', 'patient'), eb('a.entity_id', '=', String(patientId))]),
          eb.and([
            eb('a.entity', '=', 'appointment'),
            eb(
              'a.entity_id',
              'in',
              eb
                .selectFrom('appointments')
                .select((s) => s.cast<string>('appointment_id', 'text').as('id'))
                .where('patient_id', '=', patientId),
            ),
          ]),
        ]),
      );
    }
    const found = await query
      .orderBy('a.audit_id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = found.slice(0, limit);
    const subjects = await subjectNames(db, page);
    return {
      rows: page.map((r) => ({
        auditId: r.audit_id,
        at: r.at,
        userId: r.user_id,
        userName: r.user_name ?? null,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        subjectName: subjects.get(`${r.entity}:${r.entity_id}`) ?? null,
        before: parseJson(r.before_json),
        after: parseJson(r.after_json),
      })),
      nextCursor: found.length > limit ? (page.at(-1)?.audit_id ?? null) : null,
    };
  }

  async function facets() {
    const [users, actions, entities] = await Promise.all([
      db.selectFrom('users').select(['user_id', 'name']).where('role', '!=', 'patient').orderBy('name').execute(),
      db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute(),
      db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute(),
    ]);
    return {
      users: users.map((u) => ({ userId: u.user_id, name: u.name })),
      actions: actions.map((a) => a.action),
      entities: entities.map((e) => e.entity),
    };
  }

  return { list, facets };
}

export type AuditViewService = ReturnType<typeof createAuditViewService>;
