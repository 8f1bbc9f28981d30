import { createHash } from 'node:crypto';
import { addDays } from '#shared/dates.ts';
import type { ExportAppointment, ExportDoctor, ExportPatient, ExportSlot } from './export-data.ts';
import { slotInstants, zonedIso, zonedIsoAt } from './export-time.ts';
import type {
  FhirAppointment,
  FhirAppointmentStatus,
  FhirBundle,
  FhirContactPoint,
  FhirPatient,
  FhirPractitioner,
  FhirReference,
  FhirResource,
  FhirSchedule,
  FhirSlot,
} from './fhir-types.ts';
import { patientNumber } from '../patients/index.ts';
import { patientDemographics } from './fhir-demographics.ts';

// A FHIR R4 `collection` bundle of Patient, Practitioner, Schedule, Slot and Appointment
// resources, built by hand. Each resource's id is a name-based UUID of its clinic record
// (the same record gets the same id in every export), its fullUrl is `urn:uuid:<id>`, and
// references inside the bundle use those fullUrls. Identifiers carry the clinic's own numbers
// under `urn:clinic-desk:<kind>` systems. Times are ISO 8601 with the clinic zone's offset.

export const IDENTIFIER_SYSTEMS = {
  patient: 'urn:clinic-desk:patient',
  practitioner: 'urn:clinic-desk:practitioner',
  schedule: 'urn:clinic-desk:schedule',
  slot: 'urn:clinic-desk:slot',
  appointment: 'urn:clinic-desk:appointment',
} as const;

/** Our six visit steps in FHIR's appointment status value set. */
export const FHIR_APPOINTMENT_STATUS: Record<ExportAppointment['status'], FhirAppointmentStatus> = {
  scheduled: 'booked',
  checked_in: 'checked-in',
  // R4: once the visit has begun, "the encounter resource will exist and will track further
  // status changes"; the appointment itself is then fulfilled.
  in_consultation: 'fulfilled',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

const WALK_IN = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/v2-0276',
      code: 'WALKIN',
      display: 'A previously unscheduled walk-in visit',
    },
  ],
};

/** A name-based (version 5 style) UUID, stable for one clinic record. */
export function recordUuid(kind: string, id: number): string {
  const hex = createHash('sha1').update(`clinic-desk:${kind}:${id}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const urn = (uuid: string): string => `urn:uuid:${uuid}`;

function telecom(phone: string | null, email: string | null): FhirContactPoint[] | undefined {
  const points: FhirContactPoint[] = [];
  if (phone) points.push({ system: 'phone', value: phone });
  if (email) points.push({ system: 'email', value: email });
  return points.length > 0 ? points : undefined;
}

const GENDERS = new Set(['male', 'female', 'other', 'unknown']);

function toPatient(p: ExportPatient): FhirPatient {
  const { identifier, ...demographics } = patientDemographics(p);
  const resource: FhirPatient = {
    resourceType: 'Patient',
    id: recordUuid('patient', p.patientId),
    identifier: [{ system: IDENTIFIER_SYSTEMS.patient, value: patientNumber(p.patientId) }, ...identifier],
    active: true,
    name: [{ text: p.name }],
  };
  const points = telecom(p.phone, p.email);
  if (points) resource.telecom = points;
  if (p.gender && GENDERS.has(p.gender)) resource.gender = p.gender as FhirPatient['gender'];
  if (p.dateOfBirth) resource.birthDate = p.dateOfBirth;
  return { ...resource, ...demographics };
}

function toPractitioner(d: ExportDoctor): FhirPractitioner {
  const resource: FhirPractitioner = {
    resourceType: 'Practitioner',
    id: recordUuid('practitioner', d.doctorId),
    identifier: [{ system: IDENTIFIER_SYSTEMS.practitioner, value: String(d.doctorId) }],
    active: d.active,
    name: [{ text: d.name }],
  };
  const points = telecom(d.phone, d.email);
  if (points) resource.telecom = points;
  return resource;
}

export interface FhirBundleInput {
  from: string;
  to: string;
  timeZone: string;
  now: Date;
  patients: readonly ExportPatient[];
  doctors: readonly ExportDoctor[];
  slots: readonly ExportSlot[];
  appointments: readonly ExportAppointment[];
}

export function buildFhirBundle(input: FhirBundleInput): FhirBundle {
  const { timeZone } = input;
  // Slots repeat the same times across doctors, and every slot references its schedule: both
  // are worked out once (a year of a large clinic is hundreds of thousands of slots).
  const times = new Map<string, { start: string; end: string }>();
  // Start and end of a slot or appointment: the end is the slot's length after the start,
  // also on a fall-back day (export-time.ts).
  const span = (date: string, start: string, end: string): { start: string; end: string } => {
    const key = `${date}T${start}-${end}`;
    let isos = times.get(key);
    if (isos === undefined) {
      const instants = slotInstants(date, start, end, timeZone);
      isos = { start: zonedIsoAt(instants.start, timeZone), end: zonedIsoAt(instants.end, timeZone) };
      times.set(key, isos);
    }
    return isos;
  };
  const uuids = new Map<string, string>();
  const uuidOf = (kind: string, id: number): string => {
    if (kind === 'slot' || kind === 'appointment') return recordUuid(kind, id);
    const key = `${kind}:${id}`;
    let uuid = uuids.get(key);
    if (uuid === undefined) {
      uuid = recordUuid(kind, id);
      uuids.set(key, uuid);
    }
    return uuid;
  };
  const ref = (kind: string, id: number, display?: string): FhirReference =>
    display === undefined ? { reference: urn(uuidOf(kind, id)) } : { reference: urn(uuidOf(kind, id)), display };
  const doctorName = new Map(input.doctors.map((d) => [d.doctorId, d.name]));

  const planningHorizon = {
    start: zonedIso(input.from, '00:00', timeZone),
    end: zonedIso(addDays(input.to, 1), '00:00', timeZone),
  };
  const schedules: FhirSchedule[] = input.doctors.map((d) => ({
    resourceType: 'Schedule',
    id: recordUuid('schedule', d.doctorId),
    identifier: [{ system: IDENTIFIER_SYSTEMS.schedule, value: String(d.doctorId) }],
    active: d.active,
    specialty: [{ text: d.specialization }],
    actor: [ref('practitioner', d.doctorId, d.name)],
    planningHorizon,
  }));

  const slots: FhirSlot[] = input.slots.map((s) => ({
    resourceType: 'Slot',
    id: recordUuid('slot', s.availabilityId),
    identifier: [{ system: IDENTIFIER_SYSTEMS.slot, value: String(s.availabilityId) }],
    schedule: ref('schedule', s.doctorId),
    status: s.isBlocked ? 'busy-unavailable' : s.isBooked ? 'busy' : 'free',
    ...span(s.date, s.startTime, s.endTime),
  }));

  const appointments: FhirAppointment[] = input.appointments.map((a) => {
    const { start, end } = span(a.date, a.time, a.endTime);
    const resource: FhirAppointment = {
      resourceType: 'Appointment',
      id: recordUuid('appointment', a.appointmentId),
      identifier: [{ system: IDENTIFIER_SYSTEMS.appointment, value: String(a.appointmentId) }],
      status: FHIR_APPOINTMENT_STATUS[a.status],
      start,
      end,
      minutesDuration: Math.max(1, Math.round((Date.parse(end) - Date.parse(start)) / 60_000)),
      slot: [ref('slot', a.availabilityId)],
      created: a.createdAt,
      participant: [
        { actor: ref('patient', a.patientId, a.patientName), required: 'required', status: 'accepted' },
        {
          actor: ref('practitioner', a.doctorId, doctorName.get(a.doctorId) ?? a.doctorName),
          required: 'required',
          status: 'accepted',
        },
      ],
    };
    if (a.cancelReason) resource.cancelationReason = { text: a.cancelReason };
    if (a.isWalkIn) resource.appointmentType = WALK_IN;
    return resource;
  });

  const resources: FhirResource[] = [
    ...input.patients.map(toPatient),
    ...input.doctors.map(toPractitioner),
    ...schedules,
    ...slots,
    ...appointments,
  ];
  const now = input.now.toISOString();
  return {
    resourceType: 'Bundle',
    id: recordUuid(`bundle:${input.from}:${input.to}:${now}`, 0),
    meta: { lastUpdated: now },
    type: 'collection',
    timestamp: now,
    entry: resources.map((resource) => ({ fullUrl: urn(resource.id), resource })),
  };
}
