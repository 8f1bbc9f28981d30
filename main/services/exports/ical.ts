import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus } from 'ical-generator';
import { clinicNow, localToUtcIso } from '#shared/dates.ts';
import { canonicalTimeZone } from '#shared/time-zones.ts';
import type { ExportAppointment } from './export-data.ts';
import { slotInstants } from './export-time.ts';
import { vtimezoneFor } from './vtimezone.ts';
import { patientNumber } from '../patients/index.ts';

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

/**
 * An appointment's start and end for ical-generator: in the clinic's zone (TZDate, so the
 * wall time is the zone's, not the PC's), the end the slot's length after the start. When
 * the end's wall time would be read as another instant (it falls in the second pass of a
 * fall-back hour, which a TZID time always means the first pass of), both go out in UTC.
 */
function eventTimes(a: ExportAppointment, timeZone: string): { start: Date; end: Date; timezone: string | null } {
  const { start, end } = slotInstants(a.date, a.time, a.endTime, timeZone);
  const endWall = clinicNow(timeZone, new Date(end));
  if (Date.parse(localToUtcIso(endWall.date, endWall.time, timeZone)) !== end) {
    return { start: new Date(start), end: new Date(end), timezone: null };
  }
  return { start: new TZDate(start, timeZone), end: new TZDate(end, timeZone), timezone: timeZone };
}

export const appointmentUid = (appointmentId: number): string => `appointment-${appointmentId}@clinic-desk`;

export function buildDoctorIcs(input: IcsInput): string {
  // The TZID, the VTIMEZONE's TZID and X-WR-TIMEZONE are the one canonical IANA name.
  const timeZone = canonicalTimeZone(input.timeZone) ?? input.timeZone;
  const calendar = ical({
    name: `${input.doctorName} — ${input.clinicName}`,
    prodId: { company: 'Clinic desk', product: 'Clinic desk', language: 'EN' },
  });
  // No calendar-wide zone name: ical-generator would then write DTSTAMP without its Z. The
  // generator still adds a VTIMEZONE for every zone the events use.
  calendar.timezone({ name: null, generator: vtimezoneFor });
  calendar.x('X-WR-TIMEZONE', timeZone);
  for (const a of input.appointments) {
    calendar.createEvent({
      id: appointmentUid(a.appointmentId),
      ...eventTimes(a, timeZone),
      stamp: input.now,
      summary: `${a.patientName} (${patientNumber(a.patientId)})`,
      description: `Status: ${STATUS_TEXT[a.status]}${a.isWalkIn ? ' (walk-in)' : ''}`,
      location: input.clinicName,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
