import { writeTx } from '#db/tx.ts';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import type { Appointment } from '#contract/front-desk.ts';
import { requirePatient } from './appointment-rules.ts';
import { writeAudit } from '../core/audit.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { requireDoctor } from '../schedule/index.ts';
import type { AppointmentsService } from './appointments.ts';
import type { ScheduleViewService } from '../schedule/index.ts';

export interface WaitlistInput {
  patientId: number;
  doctorId?: number | undefined;
  specialization?: string | undefined;
  fromDate: string;
  toDate: string;
  notes: string | null;
}

function entriesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('waitlist as w')
    .innerJoin('users as p', 'p.user_id', 'w.patient_id')
    .leftJoin('users as d', 'd.user_id', 'w.doctor_id')
    .select([
      'w.waitlist_id',
      'w.patient_id',
      'p.name as patient_name',
      'p.phone',
      'w.doctor_id',
      'd.name as doctor_name',
      'w.specialization',
      'w.from_date',
      'w.to_date',
      'w.notes',
      'w.created_at',
      'w.status',
    ]);
}
type EntryRecord = Awaited<ReturnType<ReturnType<typeof entriesQuery>['execute']>>[number];

const toEntry = (r: EntryRecord) => ({
  waitlistId: r.waitlist_id,
  patientId: r.patient_id,
  patientName: r.patient_name,
  patientPhone: r.phone,
  doctorId: r.doctor_id,
  doctorName: r.doctor_name,
  specialization: r.specialization,
  fromDate: r.from_date,
  toDate: r.to_date,
  notes: r.notes,
  createdAt: r.created_at,
});

export function createWaitlistService(
  { db, clock }: ServiceDeps,
  appointments: AppointmentsService,
  scheduleView: ScheduleViewService,
) {
  async function load(waitlistId: number): Promise<EntryRecord> {
    const row = await entriesQuery(db).where('w.waitlist_id', '=', waitlistId).executeTakeFirst();
    if (!row) throw notFound('waitlist entry');
    return row;
  }

  async function add(actor: Actor, input: WaitlistInput) {
    await requirePatient(db, input.patientId);
    if (input.doctorId !== undefined) await requireDoctor(db, input.doctorId);
    const today = (await clinicCalendar(db, clock)).now.date;
    if (input.toDate < today)
      throw new AppError('VALIDATION', 'The last day has already passed.', {
        toDate: 'The last day has already passed.',
      });
    const id = await writeTx(db, async (trx) => {
      const { waitlist_id: waitlistId } = await trx
        .insertInto('waitlist')
        .values({
          patient_id: input.patientId,
          doctor_id: input.doctorId ?? null,
          specialization: input.doctorId === undefined ? (input.specialization ?? null) : null,
          from_date: input.fromDate,
          to_date: input.toDate,
          notes: input.notes,
          appointment_id: null,
          created_by: actor.userId,
          created_at: clock.now().toISOString(),
        })
        .returning('waitlist_id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'waitlist.add',
        entity: 'waitlist',
        entityId: waitlistId,
        after: input,
      });
      return waitlistId;
    });
    return toEntry(await load(id));
  }

  async function list() {
    const today = (await clinicCalendar(db, clock)).now.date;
    const rows = await entriesQuery(db)
      .where('w.status', '=', 'waiting')
      .where('w.to_date', '>=', today)
      .orderBy('w.created_at')
      .execute();
    return rows.map(toEntry);
  }

  async function remove(actor: Actor, waitlistId: number): Promise<{ done: true }> {
    await load(waitlistId);
    await writeTx(db, async (trx) => {
      await trx.updateTable('waitlist').set({ status: 'removed' }).where('waitlist_id', '=', waitlistId).execute();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'waitlist.remove',
        entity: 'waitlist',
        entityId: waitlistId,
      });
    });
    return { done: true };
  }

  /** Every waiting patient with the earliest free slot that fits them (freed by a cancel, a move or a new session). */
  async function matches() {
    const entries = await list();
    const found = [];
    for (const entry of entries) {
      const [slot] = await scheduleView.nextFree({
        doctorId: entry.doctorId ?? undefined,
        specialization: entry.specialization ?? undefined,
        fromDate: entry.fromDate,
        limit: 1,
      });
      if (slot && slot.date <= entry.toDate) {
        found.push({
          entry,
          slot: {
            availabilityId: slot.availabilityId,
            doctorId: slot.doctorId,
            doctorName: slot.doctorName,
            date: slot.date,
            startTime: slot.startTime,
            endTime: slot.endTime,
          },
        });
      }
    }
    return found;
  }

  async function book(actor: Actor, waitlistId: number, availabilityId: number): Promise<Appointment> {
    const entry = await load(waitlistId);
    if (entry.status !== 'waiting') throw new AppError('CONFLICT', 'This patient is no longer on the waitlist.');
    return writeTx(db, async (trx) => {
      const appointment = await appointments.bookWithin(trx, actor, { availabilityId, patientId: entry.patient_id });
      await trx
        .updateTable('waitlist')
        .set({ status: 'booked', appointment_id: appointment.appointmentId })
        .where('waitlist_id', '=', waitlistId)
        .execute();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'waitlist.book',
        entity: 'waitlist',
        entityId: waitlistId,
        after: { appointmentId: appointment.appointmentId },
      });
      return appointment;
    });
  }

  return { add, list, remove, matches, book };
}

export type WaitlistService = ReturnType<typeof createWaitlistService>;
