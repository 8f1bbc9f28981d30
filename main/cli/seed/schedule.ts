import type { AppointmentStatus, PaymentMethod, PaymentStatus } from '#db/schema.ts';
import { RESCHEDULE_REASONS } from './catalog.ts';
import { addDays, localToUtcIso, minutesToTime } from '#shared/dates.ts';
import type { Rng } from './prng.ts';

// The demo bookings, planned in memory on slots that already exist (the doctors' schedules
// made them): the appointments booked on them (at most one active per slot), a payment per
// appointment and a few reschedules. Past days hold finished visits, today and later bookings.

export interface SeedDoctor {
  doctorId: number;
  fee: number;
}

export interface BookingOptions {
  doctors: readonly SeedDoctor[];
  patientIds: readonly number[];
  /** First bookable day ('YYYY-MM-DD', usually today in the clinic's time zone). */
  startDate: string;
  timeZone: string;
}

/** A stored slot that may be booked. */
export interface SeedSlot {
  availabilityId: number;
  doctorId: number;
  date: string;
  start: string;
  end: string;
}

/** A slot to insert (history before the start date, shaped like the doctor's rules). */
export interface NewSeedSlot {
  doctorId: number;
  date: string;
  start: string;
  end: string;
}

export interface PlannedAppointment {
  slot: SeedSlot;
  doctorId: number;
  patientId: number;
  status: AppointmentStatus;
  createdAt: string;
  payment: { amount: number; method: PaymentMethod | null; status: PaymentStatus; transactionDate: string | null };
  reschedule: { oldDate: string; oldTime: string; reason: string | null; rescheduledAt: string } | null;
}

function payment(
  rng: Rng,
  status: AppointmentStatus,
  fee: number,
  slot: SeedSlot,
  timeZone: string,
): PlannedAppointment['payment'] {
  if (status === 'completed') {
    const method = rng.weighted<PaymentMethod>([
      ['cash', 40],
      ['card', 45],
      ['mobile_money', 15],
    ]);
    // Paid at the end of the visit.
    return { amount: fee, method, status: 'paid', transactionDate: localToUtcIso(slot.date, slot.end, timeZone) };
  }
  if (status === 'cancelled' || status === 'no_show')
    return { amount: fee, method: null, status: 'void', transactionDate: null };
  return { amount: fee, method: null, status: 'unpaid', transactionDate: null };
}

/** Appointments on the given free slots (in order: the same slots and seed give the same plan). */
export function planAppointments(rng: Rng, slots: readonly SeedSlot[], options: BookingOptions): PlannedAppointment[] {
  const appointments: PlannedAppointment[] = [];
  if (options.patientIds.length === 0) return appointments;
  const fees = new Map(options.doctors.map((d) => [d.doctorId, d.fee]));
  const slotsOfDoctor = new Map<number, SeedSlot[]>();
  for (const slot of slots) {
    const list = slotsOfDoctor.get(slot.doctorId) ?? [];
    list.push(slot);
    slotsOfDoctor.set(slot.doctorId, list);
  }

  const book = (slot: SeedSlot, status: AppointmentStatus, createdAt: string): PlannedAppointment => {
    const appointment: PlannedAppointment = {
      slot,
      doctorId: slot.doctorId,
      patientId: rng.pick(options.patientIds),
      status,
      createdAt,
      payment: payment(rng, status, fees.get(slot.doctorId) ?? 0, slot, options.timeZone),
      reschedule: null,
    };
    appointments.push(appointment);
    return appointment;
  };

  for (const slot of slots) {
    const offset = (Date.parse(slot.date) - Date.parse(options.startDate)) / 86_400_000;
    const past = offset < 0;
    const bookChance = past ? 0.7 : Math.max(0.15, 0.65 - 0.04 * offset);
    if (!rng.chance(bookChance)) continue;
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
    let active = first === 'cancelled' || first === 'no_show' ? null : book(slot, first, createdAt);
    if (!active) {
      book(slot, first, createdAt);
      // A cancelled slot is often taken by someone else a few hours later.
      if (first === 'cancelled' && rng.chance(past ? 0.4 : 0.3)) {
        const second = past
          ? rng.weighted<AppointmentStatus>([
              ['completed', 85],
              ['no_show', 15],
            ])
          : 'scheduled';
        const rebookedAt = localToUtcIso(bookedOn, minutesToTime(bookedAtMinute), options.timeZone, rng.int(60, 240));
        const rebooked = book(slot, second, rebookedAt);
        if (second !== 'no_show') active = rebooked;
      }
    }
    if (active && rng.chance(0.05)) {
      // It was first booked on another slot of the same doctor and moved here.
      const old = rng.pick(slotsOfDoctor.get(slot.doctorId) ?? [slot]);
      if (old !== slot) {
        active.reschedule = {
          oldDate: old.date,
          oldTime: old.start,
          reason: rng.pick(RESCHEDULE_REASONS),
          // Moved within two hours of booking: still before today and before the visit.
          rescheduledAt: new Date(Date.parse(active.createdAt) + rng.int(15, 120) * 60_000).toISOString(),
        };
      }
    }
  }
  return appointments;
}
