import { createRng, type Rng } from './prng.ts';
import type { NewSeedSlot } from './schedule.ts';
import { planBlocks, planExceptions, planTemplates, type DoctorTemplates } from './templates.ts';
import { addDays } from '#shared/dates.ts';
import type { AppCore } from '../../app-core.ts';
import type { Actor } from '../../services/core/context.ts';
import { planSlots } from '../../services/schedule/slot-plan.ts';

// The demo doctors' schedules, made through the schedule services as the desk would: weekly
// rules (which generate slots up to the clinic's horizon), a leave week, an extra Saturday and
// a few blocked slots. The services refuse rules that start in the past, so the history is
// planned here with the same rules' shape and written directly by the seed.

export interface ScheduleSeedOptions {
  seed: number;
  startDate: string;
  pastDays: number;
  /** Days from the start date that get appointments (blocks are placed among them). */
  days: number;
  timeZone: string;
}

export interface ScheduleSeedResult {
  /** History slots for the days before the start date, shaped like each doctor's rules. */
  pastSlots: NewSeedSlot[];
}

async function doctorsWithRules(core: AppCore, doctorIds: readonly number[]): Promise<Set<number>> {
  if (doctorIds.length === 0) return new Set();
  const rows = await core.database.db
    .selectFrom('schedule_templates')
    .select('doctor_id')
    .distinct()
    .where('doctor_id', 'in', [...doctorIds])
    .execute();
  return new Set(rows.map((r) => r.doctor_id));
}

async function createRules(core: AppCore, actor: Actor, plans: readonly DoctorTemplates[], startDate: string) {
  for (const { doctorId, templates } of plans) {
    for (const rule of templates) {
      await core.services.templates.create(actor, doctorId, { ...rule, validFrom: startDate, validTo: null });
    }
  }
}

async function addBlocks(core: AppCore, actor: Actor, rng: Rng, doctorIds: number[], options: ScheduleSeedOptions) {
  if (doctorIds.length === 0) return;
  // From tomorrow, so no block lands on a slot that has already started today.
  const rows = await core.database.db
    .selectFrom('doctor_availability')
    .select(['availability_id', 'doctor_id', 'available_date', 'start_time', 'end_time'])
    .where('doctor_id', 'in', doctorIds)
    .where('available_date', '>=', addDays(options.startDate, 1))
    .where('available_date', '<=', addDays(options.startDate, Math.max(options.days - 1, 1)))
    .where('blocked_reason', 'is', null)
    .where('is_booked', '=', 0)
    .orderBy('available_date')
    .orderBy('start_time')
    .orderBy('doctor_id')
    .execute();
  const candidates = rows.map((r) => ({
    availabilityId: r.availability_id,
    doctorId: r.doctor_id,
    date: r.available_date,
    start: r.start_time,
    end: r.end_time,
  }));
  for (const block of planBlocks(rng, candidates)) {
    await core.services.slots.block(actor, block.availabilityId, block.reason);
  }
}

/** The history: each doctor's current rules applied to the past days (wall-clock and DST aware). */
async function planHistory(
  core: AppCore,
  doctorIds: readonly number[],
  options: ScheduleSeedOptions,
): Promise<NewSeedSlot[]> {
  if (doctorIds.length === 0 || options.pastDays === 0) return [];
  const from = addDays(options.startDate, -options.pastDays);
  const to = addDays(options.startDate, -1);
  const rules = await core.database.db
    .selectFrom('schedule_templates')
    .selectAll()
    .where('doctor_id', 'in', [...doctorIds])
    .where('valid_from', '<=', options.startDate)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', options.startDate)]))
    .orderBy('doctor_id')
    .orderBy('template_id')
    .execute();
  return doctorIds.flatMap((doctorId) => {
    const own = rules.filter((r) => r.doctor_id === doctorId).map((r) => ({ ...r, valid_from: from, valid_to: null }));
    return planSlots(own, [], from, to, options.timeZone).map((s) => ({
      doctorId,
      date: s.date,
      start: s.start,
      end: s.end,
    }));
  });
}

/**
 * Weekly rules for each doctor who has none yet (a doctor who already has rules keeps them),
 * then, among those new doctors, one leave week (bookings kept), one extra Saturday session
 * and a few blocked slots, all through the services as the seeded admin.
 */
export async function seedSchedules(
  core: AppCore,
  actor: Actor,
  doctorIds: readonly number[],
  options: ScheduleSeedOptions,
): Promise<ScheduleSeedResult> {
  const existing = await doctorsWithRules(core, doctorIds);
  const plans = planTemplates(createRng(options.seed, 'templates'), doctorIds).filter((p) => !existing.has(p.doctorId));
  await createRules(core, actor, plans, options.startDate);

  const rng = createRng(options.seed, 'exceptions');
  const { leave, extra } = planExceptions(rng, plans, options.startDate);
  if (leave) await core.services.exceptions.addLeave(actor, { ...leave, onBooked: 'keep' });
  if (extra) await core.services.exceptions.addExtra(actor, extra);
  await addBlocks(
    core,
    actor,
    rng,
    plans.map((p) => p.doctorId),
    options,
  );
  return { pastSlots: await planHistory(core, doctorIds, options) };
}
