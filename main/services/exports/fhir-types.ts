// The few FHIR R4 shapes the export writes (a subset of the R4 JSON definitions; the tests
// validate every bundle against the official R4 JSON schema).

export interface FhirReference {
  reference: string;
  display?: string;
}

export interface FhirIdentifier {
  system: string;
  value: string;
  /** What kind of number it is (v2 table 0203: NI, PPN, MB). */
  type?: FhirCodeableConcept;
  /** Who issued it, by name only (an insurer is not a resource of the bundle). */
  assigner?: { display: string };
}

export interface FhirAddress {
  line?: string[];
  city?: string;
  postalCode?: string;
  country?: string;
}

/** A contact person of the patient: emergency contact, or a guardian who is another patient. */
export interface FhirPatientContact {
  relationship: FhirCodeableConcept[];
  name?: FhirHumanName;
  telecom?: FhirContactPoint[];
}

export interface FhirCodeableConcept {
  coding?: { system: string; code: string; display?: string }[];
  text?: string;
}

export interface FhirContactPoint {
  system: 'phone' | 'email';
  value: string;
  use?: 'work' | 'home' | 'mobile';
}

export interface FhirHumanName {
  text: string;
}

export interface FhirPatient {
  resourceType: 'Patient';
  id: string;
  identifier: FhirIdentifier[];
  active: boolean;
  name: FhirHumanName[];
  telecom?: FhirContactPoint[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  address?: FhirAddress[];
  contact?: FhirPatientContact[];
  communication?: { language: FhirCodeableConcept; preferred: boolean }[];
}

export interface FhirPractitioner {
  resourceType: 'Practitioner';
  id: string;
  identifier: FhirIdentifier[];
  active: boolean;
  name: FhirHumanName[];
  telecom?: FhirContactPoint[];
}

export interface FhirSchedule {
  resourceType: 'Schedule';
  id: string;
  identifier: FhirIdentifier[];
  active: boolean;
  specialty?: FhirCodeableConcept[];
  actor: FhirReference[];
  planningHorizon: { start: string; end: string };
}

export type FhirSlotStatus = 'busy' | 'free' | 'busy-unavailable' | 'busy-tentative' | 'entered-in-error';

export interface FhirSlot {
  resourceType: 'Slot';
  id: string;
  identifier: FhirIdentifier[];
  schedule: FhirReference;
  status: FhirSlotStatus;
  start: string;
  end: string;
}

export type FhirAppointmentStatus =
  | 'proposed'
  | 'pending'
  | 'booked'
  | 'arrived'
  | 'fulfilled'
  | 'cancelled'
  | 'noshow'
  | 'entered-in-error'
  | 'checked-in'
  | 'waitlist';

export interface FhirAppointment {
  resourceType: 'Appointment';
  id: string;
  identifier: FhirIdentifier[];
  status: FhirAppointmentStatus;
  cancelationReason?: FhirCodeableConcept;
  appointmentType?: FhirCodeableConcept;
  start: string;
  end: string;
  minutesDuration: number;
  slot: FhirReference[];
  created: string;
  participant: {
    actor: FhirReference;
    required: 'required';
    status: 'accepted';
  }[];
}

export type FhirResource = FhirPatient | FhirPractitioner | FhirSchedule | FhirSlot | FhirAppointment;

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  meta: { lastUpdated: string };
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}
