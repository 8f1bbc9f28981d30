import type { AppointmentStatus, PaymentMethod, PaymentStatus } from '../schema.ts';
import { RESCHEDULE_REASONS } from './catalog.ts';
import { addDays, localToUtcIso, minutesToTime, weekday } from '../../preload/dates.ts';
import type { Rng } from './prng.ts';

// The demo schedule, planned in memory before anything is written: slots, the appointments
// booked on them (at most one active per slot), a payment per appointment and a few
// reschedules. Past days hold finished visits, today and later hold bookings.

export interface SeedDoctor {
  doctorId: number;
  fee: number;
}

export interface ScheduleOptions {
  doctors: readonly SeedDoctor[];
  patientIds: readonly number[];
  /** First bookable day ('YYYY-MM-DD', usually today in the clinic's time zone). */
  startDate: string;
  /** Days of history before startDate. */
  pastDays: number;
  /** Days from startDate on. */
  days: number;
  slotMinutes: number;
  timeZone: string;
}

export interface PlannedSlot {
  doctorId: number;
  date: string;
  start: string;
  end: string;
}

export interface PlannedAppointment {
  slot: number;
  doctorId: number;
  patientId: number;
  status: AppointmentStatus;
  createdAt: string;
  payment: { amount: number; method: PaymentMethod | null; status: PaymentStatus; transactionDate: string | null };
  reschedule: { oldDate: string; oldTime: string; reason: string | null; rescheduledAt: string } | null;
}

export interface SchedulePlan {
  slots: PlannedSlot[];
  appointments: PlannedAppointment[];
}

/** Morning and afternoon sessions, weekdays only. */
const SESSIONS = [
  [9 * 60, 12 * 60],
  [14 * 60, 17 * 60],
] as const;

/** Statuses that leave the slot free: the complement of the partial unique index's WHERE. */
export const INACTIVE_STATUSES: readonly AppointmentStatus[] = ['cancelled', 'no_show'];

function planSlots(options: ScheduleOptions): PlannedSlot[] {
  const slots: PlannedSlot[] = [];
  for (const { doctorId } of options.doctors) {
    for (let offset = -options.pastDays; offset < options.days; offset++) {
      const date = addDays(options.startDate, offset);
      const day = weekday(date);
      if (day === 0 || day === 6) continue;
      for (const [from, to] of SESSIONS) {
        for (let m = from; m + options.slotMinutes <= to; m += options.slotMinutes) {
          slots.push({ doctorId, date, start: minutesToTime(m), end: minutesToTime(m + options.slotMinutes) });
        }
      }
    }
  }
  return slots;
}

function payment(
  rng: Rng,
  status: AppointmentStatus,
  fee: number,
  slot: PlannedSlot,
  options: ScheduleOptions,
): PlannedAppointment['payment'] {
  if (status === 'completed') {
    const method = rng.weighted<PaymentMethod>([
      ['cash', 40],
      ['card', 45],
      ['mobile_money', 15],
    ]);
    return {
      amount: fee,
      method,
      status: 'paid',
      transactionDate: localToUtcIso(slot.date, slot.start, options.timeZone, options.slotMinutes),
    };
  }
  if (status === 'cancelled' || status === 'no_show')
    return { amount: fee, method: null, status: 'void', transactionDate: null };
  return { amount: fee, method: null, status: 'unpaid', transactionDate: null };
}

export function planSchedule(rng: Rng, options: ScheduleOptions): SchedulePlan {
  const slots = planSlots(options);
  const appointments: PlannedAppointment[] = [];
  const fees = new Map(options.doctors.map((d) => [d.doctorId, d.fee]));
  const slotsOfDoctor = new Map<number, number[]>();
  slots.forEach((slot, index) => {
    const list = slotsOfDoctor.get(slot.doctorId) ?? [];
    list.push(index);
    slotsOfDoctor.set(slot.doctorId, list);
  });
  if (options.patientIds.length === 0) return { slots, appointments };

  const book = (slotIndex: number, status: AppointmentStatus, createdAt: string): PlannedAppointment => {
    const slot = slots[slotIndex];
    if (!slot) throw new Error('slot index out of range');
    const fee = fees.get(slot.doctorId) ?? 0;
    const appointment: PlannedAppointment = {
      slot: slotIndex,
      doctorId: slot.doctorId,
      patientId: rng.pick(options.patientIds),
      status,
      createdAt,
      payment: payment(rng, status, fee, slot, options),
      reschedule: null,
    };
    appointments.push(appointment);
    return appointment;
  };

  slots.forEach((slot, index) => {
    const offset = (Date.parse(slot.date) - Date.parse(options.startDate)) / 86_400_000;
    const past = offset < 0;
    const bookChance = past ? 0.7 : Math.max(0.15, 0.65 - 0.04 * offset);
    if (!rng.chance(bookChance)) return;
    // Booked 1-21 days before a past visit; future bookings were all made before today.
    const bookedOn = past ? addDays(slot.date, -rng.int(1, 21)) : addDays(options.startDate, -rng.int(1, 14));
    const bookedAtMinute = rng.int(8 * 60, 16 * 60);
    const createdAt = localToUtcIso(bookedOn, minutesToTime(bookedAtMinute), options.timeZone);
    const first = past
      ? rng.weighted<AppointmentStatus>([
          ['completed', 75],
          ['no_show', 10],
          ['cancelled', 15],
        ])
      : rng.weighted<AppointmentStatus>([
          ['scheduled', 92],
          ['cancelled', 8],
        ]);
    let active = first === 'cancelled' || first === 'no_show' ? null : book(index, first, createdAt);
    if (!active) {
      book(index, first, createdAt);
      // A cancelled slot is often taken by someone else a few hours later.
      if (first === 'cancelled' && rng.chance(past ? 0.4 : 0.3)) {
        const second = past
          ? rng.weighted<AppointmentStatus>([
              ['completed', 85],
              ['no_show', 15],
            ])
          : 'scheduled';
        const rebookedAt = localToUtcIso(bookedOn, minutesToTime(bookedAtMinute), options.timeZone, rng.int(60, 240));
        const rebooked = book(index, second, rebookedAt);
        if (second !== 'no_show') active = rebooked;
      }
    }
    if (active && rng.chance(0.05)) {
      // It was first booked on another slot of the same doctor and moved here.
      const candidates = slotsOfDoctor.get(slot.doctorId) ?? [];
      const old = slots[rng.pick(candidates)];
      if (old && old !== slot) {
        active.reschedule = {
          oldDate: old.date,
          oldTime: old.start,
          reason: rng.pick(RESCHEDULE_REASONS),
          // Moved within two hours of booking: still before today and before the visit.
          rescheduledAt: new Date(Date.parse(active.createdAt) + rng.int(15, 120) * 60_000).toISOString(),
        };
      }
    }
  });
  return { slots, appointments };
}
