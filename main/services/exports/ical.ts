import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { localToUtcIso } from '#shared/dates.ts';
import type { ExportAppointment } from './export-data.ts';
import { patientNumber } from '../patients/patients.ts';

// A doctor's appointments as an iCalendar (RFC 5545) file, made with ical-generator.
// Times are written in the clinic's zone (DTSTART;TZID=Europe/London:20260330T090000) with a
// VTIMEZONE block for that zone, which Outlook, Google and Apple calendars all read; DTSTAMP
// stays in UTC as the RFC requires. UIDs are stable, so importing a newer file updates events
// instead of duplicating them, and cancelled appointments come as STATUS:CANCELLED.

export interface IcsInput {
  clinicName: string;
  timeZone: string;
  doctorName: string;
  appointments: readonly ExportAppointment[];
  now: Date;
}

const STATUS_TEXT: Record<ExportAppointment['status'], string> = {
  scheduled: 'Booked',
  checked_in: 'Checked in',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** A clinic wall time as a date that ical-generator writes in the zone (not the PC's zone). */
const zoned = (date: string, time: string, timeZone: string): TZDate =>
  new TZDate(Date.parse(localToUtcIso(date, time, timeZone)), timeZone);

export const appointmentUid = (appointmentId: number): string => `appointment-${appointmentId}@clinic-desk`;

export function buildDoctorIcs(input: IcsInput): string {
  const { timeZone } = input;
  const calendar = ical({
    name: `${input.doctorName} — ${input.clinicName}`,
    prodId: { company: 'Clinic desk', product: 'Clinic desk', language: 'EN' },
  });
  // No calendar-wide zone name: ical-generator would then write DTSTAMP without its Z. The
  // generator still adds a VTIMEZONE for every zone the events use.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  calendar.x('X-WR-TIMEZONE', timeZone);
  for (const a of input.appointments) {
    calendar.createEvent({
      id: appointmentUid(a.appointmentId),
      start: zoned(a.date, a.time, timeZone),
      end: zoned(a.date, a.endTime, timeZone),
      timezone: timeZone,
      stamp: input.now,
      summary: `${a.patientName} (${patientNumber(a.patientId)})`,
      description: `Status: ${STATUS_TEXT[a.status]}${a.isWalkIn ? ' (walk-in)' : ''}`,
      location: input.clinicName,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
