import type { Kysely } from 'kysely';
import type { CallList, CallListEntry, CallMark } from '#contract/call-list.ts';
import type { ExportFile } from '#contract/exports.ts';
import type { Database } from '#db/schema.ts';
import { writeTx } from '#db/tx.ts';
import { addDays } from '#shared/dates.ts';
import type { CallOutcome } from '#shared/statuses.ts';
import { writeAudit } from '../core/audit.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { toCsv } from '../exports/index.ts';
import type { createAppointmentsService } from '../front-desk/index.ts';
import { requireDoctor } from '../schedule/index.ts';
import { callListCsvColumns } from './call-list-csv.ts';
import { readEntries, readMarks } from './call-list-read.ts';

// The confirmation call list. Each call is a new row (history kept, the latest is the current
// mark). "Cancelled" cancels the appointment through the front desk's own cancel step first (the
// same checks, slot freed, payment voided, status history and audit), then records the call.

export interface DayQuery {
  date?: string | undefined;
  doctorId?: number | undefined;
}

export interface MarkInput {
  appointmentId: number;
  outcome: CallOutcome;
  note: string | null;
}

/** The doctor a read is limited to: a doctor always reads only their own appointments. */
export async function scopedDoctor(db: Kysely<Database>, actor: Actor, doctorId: number | undefined) {
  if (actor.role === 'doctor') {
    if (doctorId !== undefined && doctorId !== actor.userId) {
      throw new AppError('FORBIDDEN', 'Doctors can see only their own appointments.', {
        doctorId: 'Doctors can see only their own appointments.',
      });
    }
    return actor.userId;
  }
  return doctorId === undefined ? null : (await requireDoctor(db, doctorId)).doctorId;
}

/** The front desk's cancel step, which a "cancelled" call goes through. */
type CancelStep = Pick<ReturnType<typeof createAppointmentsService>, 'cancel'>;

export function createCallListService({ db, clock }: ServiceDeps, appointments: CancelStep) {
  async function day(actor: Actor, query: DayQuery): Promise<CallList> {
    const doctorId = await scopedDoctor(db, actor, query.doctorId);
    const date = query.date ?? addDays((await clinicCalendar(db, clock)).now.date, 1);
    const entries = await readEntries(db, { date, doctorId });
    return { date, doctorId, entries, called: entries.filter((e) => e.calls > 0).length };
  }

  async function entryOf(actor: Actor, appointmentId: number): Promise<CallListEntry> {
    const [entry] = await readEntries(db, { appointmentId });
    if (!entry) throw notFound('appointment');
    if (actor.role === 'doctor' && entry.doctorId !== actor.userId) {
      throw new AppError('FORBIDDEN', 'Doctors can see only their own appointments.');
    }
    return entry;
  }

  async function mark(actor: Actor, input: MarkInput): Promise<CallListEntry> {
    if (input.outcome === 'cancelled') {
      await appointments.cancel(actor, input.appointmentId, input.note ?? '');
    }
    await writeTx(db, async (trx) => {
      const appointment = await trx
        .selectFrom('appointments')
        .select(['status'])
        .where('appointment_id', '=', input.appointmentId)
        .executeTakeFirst();
      if (!appointment) throw notFound('appointment');
      if (input.outcome !== 'cancelled' && appointment.status !== 'scheduled') {
        throw new AppError('CONFLICT', 'Only appointments still to come can be marked as called.', {
          appointmentId: 'Only appointments still to come can be marked as called.',
        });
      }
      const markedAt = clock.now().toISOString();
      const { mark_id: markId } = await trx
        .insertInto('appointment_call_marks')
        .values({
          appointment_id: input.appointmentId,
          outcome: input.outcome,
          note: input.note,
          marked_by: actor.userId,
          marked_at: markedAt,
        })
        .returning('mark_id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'appointment.call_mark',
        entity: 'appointment',
        entityId: input.appointmentId,
        after: { markId, outcome: input.outcome, note: input.note },
      });
    });
    return entryOf(actor, input.appointmentId);
  }

  async function history(actor: Actor, appointmentId: number): Promise<CallMark[]> {
    await entryOf(actor, appointmentId);
    return readMarks(db, appointmentId);
  }

  async function csv(actor: Actor, query: DayQuery & { bom?: boolean | undefined }): Promise<ExportFile> {
    const list = await day(actor, query);
    const content = toCsv(list.entries, callListCsvColumns((await clinicCalendar(db, clock)).timeZone), {
      bom: query.bom,
    });
    await writeTx(db, (trx) =>
      writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'export.call_list_csv',
        entity: 'export',
        entityId: null,
        after: { date: list.date, doctorId: list.doctorId, rows: list.entries.length },
      }),
    );
    return { fileName: `call-list-${list.date}.csv`, mimeType: 'text/csv;charset=utf-8', content };
  }

  return { day, mark, history, csv };
}

export type CallListService = ReturnType<typeof createCallListService>;
