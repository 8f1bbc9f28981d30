import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Appointment } from '#contract/front-desk.ts';
import type { ChannelOutput } from '#contract/index.ts';
import type { SlotView } from '#contract/schedule.ts';
import type { StaffRole } from '#contract/fields.ts';
import { addDays, clinicNow, mondayOf } from '#shared/dates.ts';
import { formatDateLong, formatDateMedium, formatDateShort } from '../../renderer/src/lib/date-format.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Moving an appointment by keyboard in the calendar: M picks it up, arrows choose the slot, Enter
// drops it there and asks for the reason, Escape puts it back; a slot that cannot take it says why.

const TODAY = clinicNow('Europe/London', new Date()).date;
const MENSAH = { doctorId: 11, name: 'Dr Ama Mensah', specialization: 'Cardiology', isAvailable: true, leave: [] };
const OSEI = { doctorId: 12, name: 'Dr Kofi Osei', specialization: 'Cardiology', isAvailable: true, leave: [] };
const TAKEN = 'This slot is already booked.';
const BLOCKED = 'Blocked: Team meeting';

const slot = (
  availabilityId: number,
  doctorId: number,
  date: string,
  startTime: string,
  endTime: string,
  extra: Partial<SlotView> = {},
): SlotView => ({
  availabilityId,
  doctorId,
  date,
  startTime,
  endTime,
  state: 'free',
  source: 'template',
  blockedReason: null,
  appointment: null,
  unavailableReason: null,
  ...extra,
});

const booked = (appointmentId: number, patientName: string, status = 'scheduled'): Partial<SlotView> => ({
  state: 'booked',
  appointment: { appointmentId, patientId: appointmentId, patientName, status },
  unavailableReason: TAKEN,
});

function dayFor(date: string): ChannelOutput<'schedule.day'> {
  return {
    date,
    now: { date: TODAY, time: '08:00' },
    totalDoctors: 2,
    offset: 0,
    doctors: [MENSAH, OSEI],
    slots: [
      slot(1, 11, date, '09:00', '09:15', booked(501, 'Jane Doe')),
      slot(2, 11, date, '09:15', '09:30', {
        state: 'blocked',
        blockedReason: 'Team meeting',
        unavailableReason: BLOCKED,
      }),
      slot(3, 11, date, '09:30', '09:45'),
      slot(4, 12, date, '09:00', '09:15', booked(502, 'Bob Ray')),
      slot(5, 12, date, '09:15', '09:30'),
      slot(6, 12, date, '09:30', '09:45', booked(503, 'Ann Lee', 'checked_in')),
    ],
  };
}

function moved(appointmentId: number, newAvailabilityId: number): Appointment {
  return {
    appointmentId,
    doctorId: 12,
    doctorName: OSEI.name,
    patientId: appointmentId,
    patientName: 'Jane Doe',
    availabilityId: newAvailabilityId,
    date: TODAY,
    time: '09:15',
    endTime: '09:30',
    status: 'scheduled',
    isWalkIn: false,
    needsRescheduleReason: null,
    checkedInAt: null,
    createdAt: '2026-12-01T09:00:00.000Z',
  };
}

function clinicFor(role: StaffRole, reschedule = true) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'schedule.day': ({ date }) => ok(dayFor(date)),
      'doctors.list': () => ok([]),
      'doctors.specializations': () => ok(['Cardiology']),
      'appointments.reschedule': ({ appointmentId, newAvailabilityId }) =>
        reschedule
          ? ok(moved(appointmentId, newAvailabilityId))
          : fail('SLOT_TAKEN', 'This slot was just booked by another desk.', {
              newAvailabilityId: 'This slot was just booked by another desk.',
            }),
    },
  });
}

async function openDay(role: StaffRole = 'receptionist', reschedule = true) {
  const clinic = clinicFor(role, reschedule);
  const view = renderApp(clinic, '/calendar/day');
  const grid = await screen.findByRole('grid', { name: `Slots of every doctor on ${formatDateLong(TODAY)}` });
  return { clinic, grid: within(grid), ...view };
}

const status = () => screen.getByRole('status');
const JANE = 'Dr Ama Mensah, 09:00 to 09:15, booked: Jane Doe, Scheduled';

describe('moving an appointment in the calendar by keyboard', () => {
  it('picks it up with M, moves with arrows across doctors, and drops with Enter after the reason', async () => {
    const { grid, user, clinic } = await openDay();
    const jane = grid.getByRole('gridcell', { name: JANE });
    act(() => jane.focus());
    await user.keyboard('m');
    expect(status()).toHaveTextContent('Moving the appointment of Jane Doe.');
    expect(jane).toHaveAttribute('data-drag', 'source');

    await user.keyboard('{ArrowRight}{ArrowDown}');
    const target = grid.getByRole('gridcell', { name: 'Dr Kofi Osei, 09:15 to 09:30, free' });
    expect(target).toHaveFocus();
    expect(target).toHaveAttribute('data-drag', 'target');
    expect(status()).toHaveTextContent('Drop to move Jane Doe here.');

    await user.keyboard('{Enter}');
    const dialog = within(await screen.findByRole('dialog', { name: 'Reschedule the appointment of Jane Doe' }));
    const when = (time: string) => `${formatDateLong(TODAY)}, ${time}`;
    expect(
      dialog.getByText(`Move Jane Doe from ${when('09:00')} to ${when('09:15')}, with Dr Kofi Osei.`),
    ).toBeInTheDocument();
    const reason = dialog.getByLabelText('Reason for the change');
    await waitFor(() => expect(reason).toHaveFocus());
    await user.click(dialog.getByRole('button', { name: 'Move appointment' }));
    expect(await dialog.findByText('Enter the reason for the change.')).toBeInTheDocument();
    expect(clinic.callsTo('appointments.reschedule')).toEqual([]);

    await user.type(reason, 'The patient asked for Dr Osei');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(clinic.callsTo('appointments.reschedule')).toEqual([
      { appointmentId: 501, newAvailabilityId: 5, reason: 'The patient asked for Dr Osei' },
    ]);
    expect(await screen.findByText(/The appointment of Jane Doe is moved to/)).toBeInTheDocument();
  });

  it('refuses a taken slot with its reason where the drop happened, and asks nothing', async () => {
    const { grid, user, clinic } = await openDay();
    act(() => grid.getByRole('gridcell', { name: JANE }).focus());
    await user.keyboard('m{ArrowRight}');
    const bob = grid.getByRole('gridcell', { name: 'Dr Kofi Osei, 09:00 to 09:15, booked: Bob Ray, Scheduled' });
    expect(bob).toHaveFocus();
    expect(bob).toHaveAttribute('data-drag', 'refused');
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent(`It cannot go here: ${TAKEN}`);
    expect(bob).toHaveAttribute('data-drag', 'refused');
    const note = document.querySelector('.cd-drop-note');
    expect(note).toHaveTextContent(`It cannot go here: ${TAKEN}`);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(clinic.callsTo('appointments.reschedule')).toEqual([]);
  });

  it('refuses a blocked slot with the block’s reason', async () => {
    const { grid, user } = await openDay();
    act(() => grid.getByRole('gridcell', { name: JANE }).focus());
    await user.keyboard('m{ArrowDown}{Enter}');
    expect(status()).toHaveTextContent(`It cannot go here: ${BLOCKED}`);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('puts it back with Escape, focus on the appointment again', async () => {
    const { grid, user, clinic } = await openDay();
    const jane = grid.getByRole('gridcell', { name: JANE });
    act(() => jane.focus());
    await user.keyboard('m{ArrowDown}{ArrowDown}');
    expect(grid.getByRole('gridcell', { name: 'Dr Ama Mensah, 09:30 to 09:45, free' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(jane).toHaveFocus();
    expect(jane).not.toHaveAttribute('data-drag');
    expect(status()).toHaveTextContent('The appointment of Jane Doe stays where it was.');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    // Enter on a free slot books it as before: the drag is over.
    expect(await screen.findByRole('dialog', { name: /Book/ })).toBeInTheDocument();
    expect(clinic.callsTo('appointments.reschedule')).toEqual([]);
  });

  it('picks up only a scheduled appointment', async () => {
    const { grid, user } = await openDay();
    const ann = grid.getByRole('gridcell', { name: 'Dr Kofi Osei, 09:30 to 09:45, booked: Ann Lee, Checked in' });
    act(() => ann.focus());
    await user.keyboard('m');
    expect(status()).toHaveTextContent('Only a scheduled appointment can be moved.');
    expect(ann).not.toHaveAttribute('data-drag', 'source');
  });

  it('keeps the refused slot in the dialog when another desk took it meanwhile', async () => {
    const { grid, user, clinic } = await openDay('receptionist', false);
    act(() => grid.getByRole('gridcell', { name: JANE }).focus());
    await user.keyboard('m{ArrowDown}{ArrowDown}{Enter}');
    const dialog = within(await screen.findByRole('dialog', { name: 'Reschedule the appointment of Jane Doe' }));
    await user.type(dialog.getByLabelText('Reason for the change'), 'Earlier bus');
    await user.click(dialog.getByRole('button', { name: 'Move appointment' }));
    expect(await dialog.findByText('This slot was just booked by another desk.')).toBeInTheDocument();
    expect(clinic.callsTo('appointments.reschedule')).toHaveLength(1);
  });

  it('does not offer moving to a role that cannot reschedule', async () => {
    const { grid, user } = await openDay('doctor');
    const jane = grid.getByRole('gridcell', { name: JANE });
    act(() => jane.focus());
    await user.keyboard('m');
    expect(jane).not.toHaveAttribute('data-drag');
    expect(jane).not.toHaveAttribute('data-movable');
    expect(screen.queryByText(/M picks up/)).not.toBeInTheDocument();
  });
});

describe('moving an appointment in the week view by keyboard', () => {
  it('moves it to another day with the arrows', async () => {
    const monday = mondayOf(TODAY);
    const days = Array.from({ length: 7 }, (_, index) => addDays(monday, index));
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'doctors.list': () =>
          ok([
            {
              ...MENSAH,
              email: null,
              phone: null,
              experienceYears: 3,
              consultationFee: 40,
              about: null,
              rating: null,
              accountActive: true,
              version: 1,
            },
          ]),
        'schedule.week': ({ date }) =>
          ok({
            weekStart: mondayOf(date),
            days,
            now: { date: monday, time: '07:00' },
            doctor: MENSAH,
            leave: [],
            slots: days.map((day, index) =>
              slot(10 + index, 11, day, '10:00', '10:30', index === 0 ? booked(501, 'Jane Doe') : {}),
            ),
          }),
        'appointments.reschedule': ({ appointmentId, newAvailabilityId }) =>
          ok(moved(appointmentId, newAvailabilityId)),
      },
    });
    const { user } = renderApp(clinic, '/calendar/week');
    const grid = within(
      await screen.findByRole('grid', {
        name: `Slots of Dr Ama Mensah in the week starting ${formatDateMedium(monday)}`,
      }),
    );
    act(() =>
      grid
        .getByRole('gridcell', { name: `${formatDateShort(monday)}, 10:00 to 10:30, booked: Jane Doe, Scheduled` })
        .focus(),
    );
    await user.keyboard('m{ArrowRight}{ArrowRight}{Enter}');
    const dialog = within(await screen.findByRole('dialog', { name: 'Reschedule the appointment of Jane Doe' }));
    const when = (date: string) => `${formatDateLong(date)}, 10:00`;
    expect(dialog.getByText(`Move Jane Doe from ${when(monday)} to ${when(addDays(monday, 2))}.`)).toBeInTheDocument();
    await user.type(dialog.getByLabelText('Reason for the change'), 'Doctor asked');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(clinic.callsTo('appointments.reschedule')).toEqual([
        { appointmentId: 501, newAvailabilityId: 12, reason: 'Doctor asked' },
      ]),
    );
  });
});
