import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Appointment } from '#contract/front-desk.ts';
import type { PatientSearchResult } from '#contract/patients.ts';
import type { Doctor, SlotView } from '#contract/schedule.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { boardFixture, fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const TODAY = '2026-03-10';
// 10:00 in London (GMT in March, before the clocks change).
const NOW = new Date('2026-03-10T10:00:00.000Z');
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
const SLOT_TAKEN = 'This slot was just booked at another desk. Choose one of the next free slots.';
const OVERLAP =
  'This patient already has an appointment with Dr Kofi Osei at 10:30 that day. Give a reason to book both.';

function freeSlot(availabilityId: number, startTime: string): ChannelOutput<'schedule.nextFree'>[number] {
  const slot: SlotView = {
    availabilityId,
    doctorId: 11,
    date: '2026-03-11',
    startTime,
    endTime: startTime.replace(/:(\d\d)$/, (_m, mm: string) => `:${String(Number(mm) + 15).padStart(2, '0')}`),
    state: 'free',
    source: 'template',
    blockedReason: null,
    appointment: null,
    unavailableReason: null,
  };
  return { ...slot, doctorName: MENSAH.name, specialization: MENSAH.specialization };
}

function appointment(overrides: Partial<Appointment>): Appointment {
  return {
    appointmentId: 1,
    doctorId: 11,
    doctorName: MENSAH.name,
    patientId: 1,
    patientName: 'Jane Doe',
    availabilityId: 100,
    date: TODAY,
    time: '09:00',
    endTime: '09:15',
    status: 'scheduled',
    isWalkIn: false,
    needsRescheduleReason: null,
    checkedInAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

function deskClinic(role: 'receptionist' | 'doctor', handlers: Handlers = {}, appointments: Appointment[] = []) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'appointments.board': () => ok(boardFixture(TODAY, '10:00', appointments)),
      'waitlist.matches': () => ok([]),
      'waitlist.list': () => ok([]),
      'doctors.list': () => ok([MENSAH]),
      'doctors.specializations': () => ok(['Cardiology']),
      'patients.search': () => ok([JANE]),
      ...handlers,
    },
  });
}

/** N opens the booking dialog; the patient is found and the doctor's first free slot chosen. */
async function bookFirstSlot(clinic: ReturnType<typeof deskClinic>) {
  const { user } = renderApp(clinic, '/front-desk');
  await screen.findByText('No appointments today — press N to book one.');
  await user.keyboard('n');
  const dialog = await screen.findByRole('dialog', { name: 'Book appointment' });
  const inDialog = within(dialog);
  await user.type(inDialog.getByRole('combobox', { name: 'Patient' }), 'jane');
  await user.click(await screen.findByRole('option', { name: /Jane Doe/, hidden: true }));
  expect(inDialog.getByText('P-000001 · 07700900123')).toBeInTheDocument();

  await user.click(inDialog.getByRole('combobox', { name: 'Doctor or specialization' }));
  await user.click(await screen.findByRole('option', { name: 'Dr Ama Mensah (Cardiology)', hidden: true }));
  await user.click(await inDialog.findByRole('radio', { name: /09:00/ }));
  await user.keyboard('{Enter}');
  return { user, dialog, inDialog };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('booking dialog', () => {
  it('on SLOT_TAKEN shows main’s sentence and the next free slots to pick from instead', async () => {
    let nextFreeCalls = 0;
    const clinic = deskClinic('receptionist', {
      'schedule.nextFree': () => {
        nextFreeCalls += 1;
        return ok(
          nextFreeCalls === 1
            ? [freeSlot(201, '09:00'), freeSlot(202, '09:15')]
            : [freeSlot(202, '09:15'), freeSlot(203, '09:30')],
        );
      },
      'appointments.book': ({ availabilityId }) =>
        availabilityId === 201
          ? fail('SLOT_TAKEN', SLOT_TAKEN, { availabilityId: 'This slot was just booked at another desk.' })
          : ok(appointment({ availabilityId, date: '2026-03-11', time: '09:30' })),
    });
    const { user, inDialog } = await bookFirstSlot(clinic);

    expect(await inDialog.findByText(SLOT_TAKEN)).toBeInTheDocument();
    expect(await inDialog.findByRole('radio', { name: /09:30/ })).not.toBeChecked();
    expect(inDialog.queryByRole('radio', { name: /09:00/ })).not.toBeInTheDocument();
    expect(clinic.callsTo('schedule.nextFree').at(-1)).toMatchObject({ doctorId: 11 });

    await user.click(inDialog.getByRole('radio', { name: /09:30/ }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Book appointment' })).not.toBeInTheDocument());
    expect(clinic.callsTo('appointments.book')).toEqual([
      { availabilityId: 201, patientId: 1 },
      { availabilityId: 203, patientId: 1 },
    ]);
  });

  it('asks for a reason when the patient already has an overlapping appointment, then books with it', async () => {
    const clinic = deskClinic('receptionist', {
      'schedule.nextFree': () => ok([freeSlot(201, '09:00')]),
      'appointments.book': ({ overlapOverrideReason }) =>
        overlapOverrideReason
          ? ok(appointment({ availabilityId: 201, date: '2026-03-11' }))
          : fail('CONFLICT', OVERLAP, { overlapOverrideReason: OVERLAP }),
    });
    const { user, inDialog } = await bookFirstSlot(clinic);

    const reason = await inDialog.findByRole('textbox', { name: 'Reason for booking both appointments' });
    expect(reason).toHaveAccessibleDescription(OVERLAP);
    await user.click(inDialog.getByRole('button', { name: 'Book appointment' }));
    expect(await inDialog.findByText('Enter the reason for the double appointment.')).toBeInTheDocument();

    await user.type(reason, 'Two different complaints{Enter}');
    await waitFor(() => expect(clinic.callsTo('appointments.book')).toHaveLength(2));
    expect(clinic.callsTo('appointments.book')[1]).toEqual({
      availabilityId: 201,
      patientId: 1,
      overlapOverrideReason: 'Two different complaints',
    });
  });
});

describe('flow board', () => {
  it('shows how long checked-in patients have waited (ticking) and highlights late ones', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    const waiting = appointment({
      appointmentId: 1,
      patientName: 'Wendy Waiting',
      time: '09:45',
      status: 'checked_in',
      checkedInAt: '2026-03-10T09:48:00.000Z',
    });
    const late = appointment({ appointmentId: 2, patientId: 2, patientName: 'Larry Late', time: '09:45' });
    const onTime = appointment({ appointmentId: 3, patientId: 3, patientName: 'Olive Ontime', time: '09:55' });
    const clinic = deskClinic('receptionist', {}, [waiting, late, onTime]);
    renderApp(clinic, '/front-desk');

    const table = await screen.findByRole('table', { name: 'Today’s appointments' });
    const row = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Wendy Waiting')).getByText('Waiting 12 min')).toBeInTheDocument();
    expect(within(row('Larry Late')).getByText('Late 15 min')).toBeInTheDocument();
    expect(row('Larry Late')).toHaveAttribute('data-late', 'true');
    expect(row('Olive Ontime')).not.toHaveAttribute('data-late');
    expect(within(row('Olive Ontime')).queryByText(/Late/)).not.toBeInTheDocument();

    act(() => vi.advanceTimersByTime(60_000));
    expect(within(row('Wendy Waiting')).getByText('Waiting 13 min')).toBeInTheDocument();
    expect(within(row('Larry Late')).getByText('Late 16 min')).toBeInTheDocument();
    expect(within(row('Olive Ontime')).queryByText(/Late/)).not.toBeInTheDocument();
  });

  it('reads waits and lateness past the hour as hours and minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    const longWait = appointment({
      appointmentId: 1,
      patientName: 'Wendy Waiting',
      time: '08:30',
      status: 'checked_in',
      checkedInAt: '2026-03-10T08:00:00.000Z',
    });
    const veryLate = appointment({ appointmentId: 2, patientId: 2, patientName: 'Larry Late', time: '08:48' });
    renderApp(deskClinic('receptionist', {}, [longWait, veryLate]), '/front-desk');
    const table = await screen.findByRole('table', { name: 'Today’s appointments' });
    const row = (name: string) => within(table).getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Wendy Waiting')).getByText('Waiting 2 h')).toBeInTheDocument();
    expect(within(row('Larry Late')).getByText('Late 1 h 12 min')).toBeInTheDocument();
  });

  it('lets a doctor start and complete only their own patients, and shows them no desk actions', async () => {
    const own = appointment({
      appointmentId: 1,
      doctorId: 3,
      doctorName: 'Dr Dan',
      patientName: 'Owen Own',
      status: 'checked_in',
      checkedInAt: '2026-03-10T09:50:00.000Z',
    });
    const ownInRoom = appointment({
      appointmentId: 2,
      doctorId: 3,
      doctorName: 'Dr Dan',
      patientName: 'Ida Inside',
      status: 'in_consultation',
    });
    const other = appointment({
      appointmentId: 3,
      patientName: 'Olga Other',
      status: 'checked_in',
      checkedInAt: '2026-03-10T09:50:00.000Z',
    });
    const scheduled = appointment({ appointmentId: 4, patientName: 'Sam Scheduled', time: '11:00' });
    const clinic = deskClinic('doctor', {}, [own, ownInRoom, other, scheduled]);
    renderApp(clinic, '/front-desk');

    expect(await screen.findByRole('button', { name: 'Start the consultation with Owen Own' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Complete the visit of Ida Inside' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Olga Other/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sam Scheduled/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Check in/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Cancel the appointment/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Book appointment' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Waitlist' })).not.toBeInTheDocument();
    expect(clinic.callsTo('waitlist.matches')).toEqual([]);
  });

  it('lets the desk check in, cancel and reschedule, but not start a consultation', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const scheduled = appointment({ appointmentId: 4, patientName: 'Sam Scheduled', time: '11:00' });
    const waiting = appointment({
      appointmentId: 5,
      patientName: 'Wes Waiting',
      status: 'checked_in',
      checkedInAt: '2026-03-10T09:50:00.000Z',
    });
    const { user } = renderApp(deskClinic('receptionist', {}, [scheduled, waiting]), '/front-desk');
    expect(await screen.findByRole('button', { name: 'Check in Sam Scheduled' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'More actions for Sam Scheduled' }));
    const menu = await screen.findByRole('menu', { hidden: true });
    expect(
      within(menu)
        .getAllByRole('menuitem', { hidden: true })
        .map((item) => item.textContent),
    ).toEqual(['Reschedule', 'Cancel', 'Message Dr Ama Mensah']);
    expect(screen.queryByRole('button', { name: /Start the consultation/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: /Start the consultation/ })).not.toBeInTheDocument();
  });
});
