import type { TemplateRow } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import type { Template } from '#contract/schedule.ts';
import { timeToMinutes } from '#shared/dates.ts';
import { writeAudit } from '../core/audit.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound, staleRecord } from '../core/errors.ts';
import { assertCanManageSchedule, requireDoctor } from './schedule-access.ts';
import { regenerateDoctor, type GenerationResult } from './slot-generation.ts';
import { describeRule } from './schedule-text.ts';
import { maskToWeekdays, weekdaysToMask } from './slot-plan.ts';

export interface TemplateInput {
  weekdays: number[];
  startTime: string;
  endTime: string;
  slotMinutes?: number | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
}

export function toTemplate(row: TemplateRow): Template {
  return {
    templateId: row.template_id,
    doctorId: row.doctor_id,
    weekdays: maskToWeekdays(row.weekdays),
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    version: row.version,
  };
}

const invalid = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: message });

function rangesMeet(
  a: { valid_from: string; valid_to: string | null },
  b: { valid_from: string; valid_to: string | null },
): boolean {
  return (a.valid_to === null || b.valid_from <= a.valid_to) && (b.valid_to === null || a.valid_from <= b.valid_to);
}

/** Refuses a rule that shares a weekday, dates and hours with another of the doctor's rules, naming both. */
async function assertNoOverlap(
  trx: Tx,
  doctorId: number,
  rule: Omit<TemplateRow, 'template_id' | 'version' | 'created_at' | 'updated_at'>,
  ignoreId: number | null,
): Promise<void> {
  const others = await trx.selectFrom('schedule_templates').selectAll().where('doctor_id', '=', doctorId).execute();
  const clash = others.find(
    (other) =>
      other.template_id !== ignoreId &&
      (other.weekdays & rule.weekdays) !== 0 &&
      rangesMeet(other, rule) &&
      other.start_time < rule.end_time &&
      rule.start_time < other.end_time,
  );
  if (clash) {
    const message = `This rule (${describeRule(rule)}) overlaps the existing rule ${describeRule(clash)}. Change the days, hours or dates of one of them.`;
    throw new AppError('CONFLICT', message, { startTime: message });
  }
}

export function createTemplatesService({ db, clock }: ServiceDeps) {
  async function checkedRule(doctorId: number, input: TemplateInput, previous: TemplateRow | null) {
    const calendar = await clinicCalendar(db, clock);
    const slotMinutes = input.slotMinutes ?? previous?.slot_minutes ?? calendar.defaultSlotMinutes;
    if (timeToMinutes(input.endTime) - timeToMinutes(input.startTime) < slotMinutes) {
      throw invalid('endTime', `The session is shorter than one ${slotMinutes}-minute slot.`);
    }
    const validTo = input.validTo ?? null;
    if (validTo !== null && validTo < input.validFrom)
      throw invalid('validTo', 'The last day must be on or after the first day.');
    if (validTo !== null && validTo < calendar.now.date) throw invalid('validTo', 'This rule would end before today.');
    if (input.validFrom < calendar.now.date && input.validFrom !== previous?.valid_from) {
      throw invalid('validFrom', 'A rule cannot start in the past. Start it today or later.');
    }
    const rule = {
      doctor_id: doctorId,
      weekdays: weekdaysToMask(input.weekdays),
      start_time: input.startTime,
      end_time: input.endTime,
      slot_minutes: slotMinutes,
      valid_from: input.validFrom,
      valid_to: validTo,
    };
    return { rule, calendar };
  }

  async function list(doctorId: number): Promise<Template[]> {
    const rows = await db
      .selectFrom('schedule_templates')
      .selectAll()
      .where('doctor_id', '=', doctorId)
      .orderBy('valid_from')
      .orderBy('start_time')
      .execute();
    return rows.map(toTemplate);
  }

  async function create(
    actor: Actor,
    doctorId: number,
    input: TemplateInput,
  ): Promise<{ template: Template; generation: GenerationResult }> {
    assertCanManageSchedule(actor, doctorId);
    await requireDoctor(db, doctorId);
    const { rule, calendar } = await checkedRule(doctorId, input, null);
    return writeTx(db, async (trx) => {
      await assertNoOverlap(trx, doctorId, rule, null);
      const now = clock.now().toISOString();
      const row = await trx
        .insertInto('schedule_templates')
        .values({ ...rule, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      const generation = await regenerateDoctor(
        trx,
        doctorId,
        calendar.now.date,
        calendar.horizonEnd,
        calendar.timeZone,
      );
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'template.create',
        entity: 'schedule_template',
        entityId: row.template_id,
        after: { ...toTemplate(row), generation },
      });
      return { template: toTemplate(row), generation };
    });
  }

  async function load(trx: Tx, templateId: number): Promise<TemplateRow> {
    const row = await trx
      .selectFrom('schedule_templates')
      .selectAll()
      .where('template_id', '=', templateId)
      .executeTakeFirst();
    if (!row) throw notFound('schedule rule');
    return row;
  }

  async function update(
    actor: Actor,
    templateId: number,
    version: number,
    input: TemplateInput,
  ): Promise<{ template: Template; generation: GenerationResult }> {
    const previous = await load(db, templateId);
    assertCanManageSchedule(actor, previous.doctor_id);
    const { rule, calendar } = await checkedRule(previous.doctor_id, input, previous);
    return writeTx(db, async (trx) => {
      const before = await load(trx, templateId);
      if (before.version !== version) throw staleRecord('schedule rule');
      await assertNoOverlap(trx, before.doctor_id, rule, templateId);
      const row = await trx
        .updateTable('schedule_templates')
        .set({ ...rule, version: before.version + 1, updated_at: clock.now().toISOString() })
        .where('template_id', '=', templateId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const generation = await regenerateDoctor(
        trx,
        before.doctor_id,
        calendar.now.date,
        calendar.horizonEnd,
        calendar.timeZone,
      );
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'template.update',
        entity: 'schedule_template',
        entityId: templateId,
        before: toTemplate(before),
        after: { ...toTemplate(row), generation },
      });
      return { template: toTemplate(row), generation };
    });
  }

  async function remove(actor: Actor, templateId: number): Promise<{ generation: GenerationResult }> {
    const previous = await load(db, templateId);
    assertCanManageSchedule(actor, previous.doctor_id);
    const calendar = await clinicCalendar(db, clock);
    return writeTx(db, async (trx) => {
      const before = await load(trx, templateId);
      await trx.deleteFrom('schedule_templates').where('template_id', '=', templateId).execute();
      const generation = await regenerateDoctor(
        trx,
        before.doctor_id,
        calendar.now.date,
        calendar.horizonEnd,
        calendar.timeZone,
      );
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'template.delete',
        entity: 'schedule_template',
        entityId: templateId,
        before: toTemplate(before),
        after: { generation },
      });
      return { generation };
    });
  }

  return { list, create, update, remove };
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;
