import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppointmentType, Resource } from '#contract/appointment-types.ts';
import type { Appointment } from '#contract/front-desk.ts';
import type { ChannelOutput } from '#contract/index.ts';
import type { PatientSearchResult } from '#contract/patients.ts';
import type { Doctor } from '#contract/schedule.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { boardFixture, fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The booking dialog's appointment type and room: only the slot's doctor's types, the free
// rooms for that type's length, sent with the booking; a busy room is shown on the room field.

const TODAY = '2026-03-10';
const JANE: PatientSearchResult = {
  patientId: 1,
  patientNumber: 'P-000001',
  name: 'Jane Doe',
  phone: '07700900123',
  email: null,
  gender: null,
  age: 40,
  dateOfBirth: null,
  lastVisit: null,
  nextAppointment: null,
};
const MENSAH: Doctor = {
  doctorId: 11,
  name: 'Dr Ama Mensah',
  email: null,
  phone: null,
  specialization: 'Cardiology',
  experienceYears: 10,
  consultationFee: 50,
  about: null,
  rating: null,
  isAvailable: true,
  accountActive: true,
  version: 1,
};
const type = (appointmentTypeId: number, name: string, minutes: number, doctorIds: number[]): AppointmentType => ({
  appointmentTypeId,
  name,
  minutes,
  colour: '#8a4fb3',
  defaultFee: null,
  needsResourceKind: name === 'Ultrasound' ? 'ultrasound' : null,
  active: true,
  doctorIds,
});
const TYPES = [type(4, 'Long consultation', 45, [11]), type(5, 'Ultrasound', 30, [11]), type(6, 'Physio', 60, [12])];
const room = (resourceId: number, name: string): Resource => ({ resourceId, name, kind: 'ultrasound', active: true });
const BUSY = 'Ultrasound 2 is busy at 09:00–09:30. Choose another one or another time.';

const freeSlot: ChannelOutput<'schedule.nextFree'>[number] = {
  availabilityId: 201,
  doctorId: 11,
  date: '2026-03-11',
  startTime: '09:00',
  endTime: '09:15',
  state: 'free',
  source: 'template',
  blockedReason: null,
  appointment: null,
  unavailableReason: null,
  doctorName: MENSAH.name,
  specialization: MENSAH.specialization,
};

const booked: Appointment = {
  appointmentId: 1,
  doctorId: 11,
  doctorName: MENSAH.name,
  patientId: 1,
  patientName: 'Jane Doe',
  availabilityId: 201,
  date: '2026-03-11',
  time: '09:00',
  endTime: '09:30',
  status: 'scheduled',
  isWalkIn: false,
  needsRescheduleReason: null,
  checkedInAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  appointmentTypeId: 5,
  typeName: 'Ultrasound',
  typeColour: '#8a4fb3',
  resourceId: 8,
  resourceName: 'Ultrasound 2',
};

function clinicWith(handlers: Handlers) {
  return createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'appointments.board': () => ok(boardFixture(TODAY, '10:00', [])),
      'waitlist.matches': () => ok([]),
      'waitlist.list': () => ok([]),
      'doctors.list': () => ok([MENSAH]),
      'doctors.specializations': () => ok(['Cardiology']),
      'patients.search': () => ok([JANE]),
      'schedule.nextFree': () => ok([freeSlot]),
      'types.list': () => ok(TYPES),
      'resources.freeFor': ({ appointmentTypeId }) =>
        ok(appointmentTypeId === 5 ? [room(7, 'Ultrasound 1'), room(8, 'Ultrasound 2')] : []),
      ...handlers,
    },
  });
}

/** N opens the dialog; the patient, the doctor and the 09:00 slot are chosen; then the type and room. */
async function chooseUltrasound(clinic: ReturnType<typeof clinicWith>) {
  const { user } = renderApp(clinic, '/front-desk');
  await screen.findByText('No appointments today — press N to book one.');
  await user.keyboard('n');
  const dialog = within(await screen.findByRole('dialog', { name: 'Book appointment' }));
  await user.type(dialog.getByRole('combobox', { name: 'Patient' }), 'jane');
  await user.click(await screen.findByRole('option', { name: /Jane Doe/, hidden: true }));
  await user.click(dialog.getByRole('combobox', { name: 'Doctor or specialization' }));
  await user.click(await screen.findByRole('option', { name: 'Dr Ama Mensah (Cardiology)', hidden: true }));
  await user.click(await dialog.findByRole('radio', { name: /09:00/ }));

  const typeField = await dialog.findByRole('combobox', { name: /Appointment type/ });
  const offered = within(typeField)
    .getAllByRole('option')
    .map((o) => o.textContent);
  expect(offered).toEqual(['No type (the slot’s length)', 'Long consultation, 45 min', 'Ultrasound, 30 min']);
  await user.selectOptions(typeField, 'Ultrasound, 30 min');
  const roomField = dialog.getByRole('combobox', { name: /Room or resource/ });
  await waitFor(() => expect(within(roomField).getAllByRole('option')).toHaveLength(3));
  expect(roomField).toHaveAccessibleDescription(
    'Needs one of kind “ultrasound”: the first free one is taken unless you choose.',
  );
  await user.selectOptions(roomField, 'Ultrasound 2');
  return { user, dialog, roomField };
}

describe('booking dialog: appointment type and room', () => {
  it('offers only the doctor’s types and the free rooms for the type, and books with both', async () => {
    const clinic = clinicWith({ 'appointments.book': () => ok(booked) });
    const { user } = await chooseUltrasound(clinic);
    expect(clinic.callsTo('resources.freeFor').at(-1)).toEqual({ availabilityId: 201, appointmentTypeId: 5 });
    // The free slots are asked again for starts where the type's 30 minutes fit.
    expect(clinic.callsTo('schedule.nextFree').at(-1)).toMatchObject({ doctorId: 11, minutes: 30 });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Book appointment' })).not.toBeInTheDocument());
    expect(clinic.callsTo('appointments.book')).toEqual([
      { availabilityId: 201, patientId: 1, appointmentTypeId: 5, resourceId: 8 },
    ]);
  });

  it('shows a busy room on the room field and keeps the slot chosen', async () => {
    const clinic = clinicWith({
      'appointments.book': ({ resourceId }) =>
        resourceId === 8 ? fail('SLOT_TAKEN', BUSY, { resourceId: BUSY }) : ok(booked),
    });
    const { user, dialog, roomField } = await chooseUltrasound(clinic);
    await user.keyboard('{Enter}');
    expect(await dialog.findByText(BUSY)).toBeInTheDocument();
    expect(roomField).toHaveAttribute('aria-invalid', 'true');
    expect(dialog.getByRole('radio', { name: /09:00/ })).toBeChecked();
    await user.selectOptions(roomField, 'Ultrasound 1');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(clinic.callsTo('appointments.book')).toHaveLength(2));
    expect(clinic.callsTo('appointments.book')[1]).toEqual({
      availabilityId: 201,
      patientId: 1,
      appointmentTypeId: 5,
      resourceId: 7,
    });
  });
});
