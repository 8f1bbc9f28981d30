import { sql } from 'kysely';
import type { ExceptionRow } from '#db/schema.ts';
import type { SlotView } from '#contract/schedule.ts';
import { addDays, minutesToTime, mondayOf, timeToMinutes } from '#shared/dates.ts';
import { clinicCalendar, type ClinicCalendar } from '../core/clinic-clock.ts';
import type { ServiceDeps } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import { toException } from './exceptions.ts';
import { LONG_TYPE_READ_AHEAD, startsOfRuns } from './free-runs.ts';
import { requireDoctor } from './schedule-access.ts';
import { isPast, leaveCovering, leaveOn, selectSlots, toSlotView, type SlotContext } from './slot-view.ts';

export interface DayDoctor {
  doctorId: number;
  name: string;
  specialization: string;
  isAvailable: boolean;
  leave: { exceptionId: number; startTime: string | null; endTime: string | null; reason: string | null }[];
}

export interface DayFilter {
  specialization?: string | undefined;
  doctorId?: number | undefined;
  /** Paging by doctor, in name order; without a limit, every doctor. */
  offset?: number | undefined;
  limit?: number | undefined;
}

/** The page's doctors as [offset, end); an offset past the last doctor shows the last page. */
function pageOf(total: number, offset: number, limit: number | undefined): { offset: number; end: number } {
  if (limit === undefined) return { offset: 0, end: total };
  const lastStart = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
  const start = Math.min(offset, lastStart);
  return { offset: start, end: Math.min(total, start + limit) };
}

export type WhyNotCode = 'doctor_unavailable' | 'past' | 'on_leave' | 'blocked' | 'booked' | 'outside_hours';

export function createScheduleViewService({ db, clock }: ServiceDeps) {
  async function doctorsFor(filter: { specialization?: string | undefined; doctorIds?: readonly number[] }) {
    let q = db
      .selectFrom('doctors as d')
      .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
      .select(['d.doctor_id', 'u.name', 'd.specialization', 'd.is_available'])
      .where('u.status', '!=', 'inactive');
    if (filter.specialization) q = q.where('d.specialization', '=', filter.specialization);
    if (filter.doctorIds) q = q.where('d.doctor_id', 'in', [...filter.doctorIds]);
    return q.orderBy('u.name').execute();
  }

  function toDayDoctor(
    row: { doctor_id: number; name: string; specialization: string; is_available: number },
    leave: readonly ExceptionRow[],
    date: string,
  ): DayDoctor {
    return {
      doctorId: row.doctor_id,
      name: row.name,
      specialization: row.specialization,
      isAvailable: row.is_available === 1,
      leave: leave
        .filter((e) => e.doctor_id === row.doctor_id && e.start_date <= date && date <= e.end_date)
        .map((e) => ({ exceptionId: e.exception_id, startTime: e.start_time, endTime: e.end_time, reason: e.reason })),
    };
  }

  function contextFor(
    calendar: ClinicCalendar,
    leave: readonly ExceptionRow[],
    doctors: readonly { doctor_id: number; name: string; is_available: number }[],
  ): SlotContext {
    return {
      calendar,
      leave,
      doctors: new Map(doctors.map((d) => [d.doctor_id, { name: d.name, available: d.is_available === 1 }])),
    };
  }

  async function day(date: string, filter: DayFilter = {}) {
    const calendar = await clinicCalendar(db, clock);
    const { specialization, doctorId, limit } = filter;
    const matching = await doctorsFor(
      doctorId === undefined ? { specialization } : { specialization, doctorIds: [doctorId] },
    );
    const page = pageOf(matching.length, filter.offset ?? 0, limit);
    const doctors = matching.slice(page.offset, page.end);
    const ids = doctors.map((d) => d.doctor_id);
    const [records, leave] = await Promise.all([
      selectSlots(db, { dates: [date], doctorIds: ids }),
      leaveOn(db, [date], ids),
    ]);
    const context = contextFor(calendar, leave, doctors);
    return {
      date,
      now: calendar.now,
      doctors: doctors.map((d) => toDayDoctor(d, leave, date)),
      slots: records.map((r) => toSlotView(r, context)),
      totalDoctors: matching.length,
      offset: page.offset,
    };
  }

  async function week(doctorId: number, date: string) {
    await requireDoctor(db, doctorId);
    const calendar = await clinicCalendar(db, clock);
    const weekStart = mondayOf(date);
    const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
    const [doctor] = await db
      .selectFrom('doctors as d')
      .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
      .select(['d.doctor_id', 'u.name', 'd.specialization', 'd.is_available'])
      .where('d.doctor_id', '=', doctorId)
      .execute();
    if (!doctor) throw notFound('doctor');
    const [records, leave] = await Promise.all([
      selectSlots(db, { dates: days, doctorIds: [doctorId] }),
      leaveOn(db, days, [doctorId]),
    ]);
    const context = contextFor(calendar, leave, [doctor]);
    return {
      weekStart,
      days,
      now: calendar.now,
      doctor: toDayDoctor(doctor, [], weekStart),
      leave: leave.map(toException),
      slots: records.map((r) => toSlotView(r, context)),
    };
  }

  async function myDay(doctorId: number, date?: string) {
    const calendar = await clinicCalendar(db, clock);
    const target = date ?? calendar.now.date;
    const doctors = await doctorsFor({ doctorIds: [doctorId] });
    const [doctor] = doctors;
    if (!doctor) throw notFound('doctor');
    const [records, leave] = await Promise.all([
      selectSlots(db, { dates: [target], doctorIds: [doctorId] }),
      leaveOn(db, [target], [doctorId]),
    ]);
    const context = contextFor(calendar, leave, doctors);
    return {
      date: target,
      now: calendar.now,
      doctor: toDayDoctor(doctor, leave, target),
      slots: records.map((r) => toSlotView(r, context)),
    };
  }

  /** Every reason a doctor cannot be booked at a date and time (empty: bookable). */
  async function whyNot(doctorId: number, date: string, time: string) {
    const doctor = await requireDoctor(db, doctorId);
    const calendar = await clinicCalendar(db, clock);
    const reasons: { code: WhyNotCode; message: string }[] = [];
    if (!doctor.isAvailable || !doctor.accountActive) {
      reasons.push({ code: 'doctor_unavailable', message: `${doctor.name} is not taking bookings at the moment.` });
    }
    if (isPast(calendar, date, time)) reasons.push({ code: 'past', message: 'That time has already passed.' });
    const leave = await leaveOn(db, [date], [doctorId]);
    const onLeave = leaveCovering(leave, doctorId, date, time, minutesToTime(timeToMinutes(time) + 1));
    if (onLeave)
      reasons.push({
        code: 'on_leave',
        message: onLeave.reason ? `${doctor.name} is on leave: ${onLeave.reason}.` : `${doctor.name} is on leave.`,
      });
    const records = await selectSlots(db, { dates: [date], doctorIds: [doctorId] });
    const record = records.find((r) => r.start_time <= time && time < r.end_time);
    if (!record) {
      if (!onLeave)
        reasons.push({ code: 'outside_hours', message: `${doctor.name} has no hours at ${time} on ${date}.` });
      return { bookable: false, reasons, slot: null };
    }
    if (record.appointment_id !== null) reasons.push({ code: 'booked', message: 'That slot is already booked.' });
    if (record.blocked_reason !== null)
      reasons.push({ code: 'blocked', message: `That slot is blocked: ${record.blocked_reason}.` });
    const slot: SlotView = toSlotView(
      record,
      contextFor(calendar, leave, [
        { doctor_id: doctorId, name: doctor.name, is_available: doctor.isAvailable ? 1 : 0 },
      ]),
    );
    return { bookable: reasons.length === 0, reasons, slot };
  }

  async function nextFree(filter: {
    doctorId?: number | undefined;
    specialization?: string | undefined;
    fromDate?: string | undefined;
    fromTime?: string | undefined;
    limit?: number | undefined;
    minutes?: number | undefined;
  }) {
    const calendar = await clinicCalendar(db, clock);
    const limit = filter.limit ?? 5;
    let fromDate = filter.fromDate ?? calendar.now.date;
    let fromTime = filter.fromTime ?? '00:00';
    if (fromDate < calendar.now.date || (fromDate === calendar.now.date && fromTime < calendar.now.time)) {
      fromDate = calendar.now.date;
      fromTime = calendar.now.time;
    }
    let q = db
      .selectFrom('doctor_availability as s')
      .innerJoin('doctors as d', 'd.doctor_id', 's.doctor_id')
      .innerJoin('users as u', 'u.user_id', 'd.doctor_id')
      .select([
        's.availability_id',
        's.doctor_id',
        's.available_date',
        's.start_time',
        's.end_time',
        'u.name',
        'd.specialization',
      ])
      .where('s.is_booked', '=', 0)
      .where('s.blocked_reason', 'is', null)
      .where('d.is_available', '=', 1)
      .where('u.status', '!=', 'inactive')
      .where((eb) =>
        eb.or([
          eb('s.available_date', '>', fromDate),
          eb.and([eb('s.available_date', '=', fromDate), eb('s.start_time', '>=', fromTime)]),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('schedule_exceptions as e')
              .select('e.exception_id')
              .whereRef('e.doctor_id', '=', 's.doctor_id')
              .where('e.kind', '=', 'leave')
              .whereRef('e.start_date', '<=', 's.available_date')
              .whereRef('e.end_date', '>=', 's.available_date')
              .where(sql<boolean>`(e.start_time IS NULL OR (e.start_time < s.end_time AND s.start_time < e.end_time))`),
          ),
        ),
      );
    if (filter.doctorId !== undefined) q = q.where('s.doctor_id', '=', filter.doctorId);
    if (filter.specialization) q = q.where('d.specialization', '=', filter.specialization);
    const candidates = await q
      .orderBy('s.available_date')
      .orderBy('s.start_time')
      .orderBy('s.doctor_id')
      // A long type needs runs of free slots: read further ahead, then keep the starts of a run.
      .limit(filter.minutes === undefined ? limit : Math.min(limit * LONG_TYPE_READ_AHEAD, 1000))
      .execute();
    const found = filter.minutes === undefined ? candidates : startsOfRuns(candidates, filter.minutes, limit);
    if (found.length === 0) return [];
    const records = await selectSlots(db, {
      dates: [...new Set(found.map((f) => f.available_date))],
      doctorIds: [...new Set(found.map((f) => f.doctor_id))],
    });
    const byId = new Map(records.map((r) => [r.availability_id, r]));
    const context = contextFor(
      calendar,
      [],
      found.map((f) => ({ doctor_id: f.doctor_id, name: f.name, is_available: 1 })),
    );
    return found.flatMap((f) => {
      const record = byId.get(f.availability_id);
      return record ? [{ ...toSlotView(record, context), doctorName: f.name, specialization: f.specialization }] : [];
    });
  }

  return { day, week, myDay, whyNot, nextFree };
}

export type ScheduleViewService = ReturnType<typeof createScheduleViewService>;
