import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlotView } from '#contract/schedule.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { addDays, clinicNow } from '#shared/dates.ts';
import { formatDateLong } from '../../renderer/src/lib/date-format.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const TODAY = clinicNow('Europe/London', new Date()).date;
const MENSAH = { doctorId: 11, name: 'Dr Ama Mensah', specialization: 'Cardiology', isAvailable: true, leave: [] };
const OSEI = {
  doctorId: 12,
  name: 'Dr Kofi Osei',
  specialization: 'Paediatrics',
  isAvailable: false,
  leave: [{ exceptionId: 5, startTime: '10:00', endTime: '10:20', reason: 'Training' }],
};
const NOT_TAKING = 'Dr Kofi Osei is not taking bookings.';
const BLOCKED = 'This slot is blocked: Team meeting.';

let nextId = 100;
function slot(
  doctorId: number,
  date: string,
  startTime: string,
  endTime: string,
  extra: Partial<SlotView> = {},
): SlotView {
  nextId += 1;
  return {
    availabilityId: nextId,
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
  };
}

type Day = ChannelOutput<'schedule.day'>;

function dayFor(date: string): Day {
  const unbookable = { unavailableReason: NOT_TAKING };
  return {
    date,
    now: { date: TODAY, time: '09:05' },
    totalDoctors: 2,
    offset: 0,
    doctors: [MENSAH, OSEI],
    slots: [
      slot(11, date, '09:00', '09:15'),
      slot(11, date, '09:15', '09:30', {
        state: 'booked',
        appointment: { appointmentId: 1, patientId: 1, patientName: 'Jane Doe', status: 'scheduled' },
        unavailableReason: 'This slot is booked.',
      }),
      slot(11, date, '09:30', '09:45', { state: 'blocked', blockedReason: 'Team meeting', unavailableReason: BLOCKED }),
      slot(11, date, '09:45', '10:00'),
      slot(12, date, '09:00', '09:20', unbookable),
      slot(12, date, '09:20', '09:40', unbookable),
      slot(12, date, '09:40', '10:00', unbookable),
      slot(12, date, '10:20', '10:40', unbookable),
    ],
  };
}

/** Main's paging, as the service does it: the page's doctors and their slots only. */
function pageOf(day: Day, offset = 0, limit = day.doctors.length): Day {
  const doctors = day.doctors.slice(offset, offset + limit);
  const ids = new Set(doctors.map((doctor) => doctor.doctorId));
  return {
    ...day,
    doctors,
    slots: day.slots.filter((one) => ids.has(one.doctorId)),
    totalDoctors: day.doctors.length,
    offset,
  };
}

function clinicFor(role: 'receptionist' | 'doctor' = 'receptionist', day: (date: string) => Day = dayFor) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'schedule.day': ({ date, offset, limit }) => ok(pageOf(day(date), offset, limit)),
      'doctors.list': () => ok([]),
      'doctors.specializations': () => ok(['Cardiology', 'Paediatrics']),
      'slots.block': ({ availabilityId, reason }) =>
        ok({ ...slot(11, TODAY, '09:00', '09:15'), availabilityId, state: 'blocked' as const, blockedReason: reason }),
    },
  });
}

const cell = (name: string) => screen.getByRole('gridcell', { name });
const M = (rest: string) => `Dr Ama Mensah, ${rest}`;

afterEach(() => {
  vi.useRealTimers();
});

async function openDay(role: 'receptionist' | 'doctor' = 'receptionist', day: (date: string) => Day = dayFor) {
  const clinic = clinicFor(role, day);
  const view = renderApp(clinic, '/calendar/day');
  const grid = await screen.findByRole('grid', { name: `Slots of every doctor on ${formatDateLong(TODAY)}` });
  return { clinic, grid, ...view };
}

describe('calendar day view', () => {
  it('shows one column per doctor, each state in words, and why a slot cannot be booked', async () => {
    const { grid } = await openDay();
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers.map((header) => header.textContent)).toEqual([
      'Time',
      expect.stringContaining('Dr Ama Mensah'),
      expect.stringContaining('Dr Kofi Osei'),
    ]);
    expect(headers[2]).toHaveTextContent('Not taking bookings');
    expect(headers[2]).toHaveTextContent('On leave 10:00 to 10:20: Training');
    expect(cell(M('09:00 to 09:15, free'))).toBeInTheDocument();
    expect(cell(M('09:15 to 09:30, booked: Jane Doe, Scheduled'))).toHaveTextContent('Jane Doe Scheduled');
    expect(cell(M('09:30 to 09:45, blocked: Team meeting'))).toHaveTextContent('Team meeting');
    expect(cell(`Dr Kofi Osei, 09:00 to 09:20, not bookable: ${NOT_TAKING}`)).toHaveTextContent('Not bookable');
    expect(within(grid).getByRole('gridcell', { name: 'Dr Kofi Osei, on leave: Training' })).toBeInTheDocument();
    // Exactly one cell is in the tab order: the first slot that is not over.
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);

    act(() => cell(M('09:30 to 09:45, blocked: Team meeting')).focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent(BLOCKED);
    // The pointer resting on a cell with nothing to say keeps the focused cell's hint;
    // on one with a reason, that reason shows.
    fireEvent.mouseOver(cell(M('09:00 to 09:15, free')));
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(screen.getByRole('tooltip')).toHaveTextContent(BLOCKED);
    fireEvent.mouseOver(cell(M('09:15 to 09:30, booked: Jane Doe, Scheduled')));
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent('This slot is booked.'));
  });

  it('moves by arrow keys, Home and End, and opens the focused slot’s details with B', async () => {
    const { user, grid } = await openDay();
    act(() => cell(M('09:00 to 09:15, free')).focus());
    await user.keyboard('{ArrowDown}');
    expect(cell(M('09:15 to 09:30, booked: Jane Doe, Scheduled'))).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cell(`Dr Kofi Osei, 09:00 to 09:20, not bookable: ${NOT_TAKING}`)).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(cell(`Dr Kofi Osei, 09:00 to 09:20, not bookable: ${NOT_TAKING}`)).toHaveFocus();
    await user.keyboard('{End}');
    expect(cell(`Dr Kofi Osei, 10:20 to 10:40, not bookable: ${NOT_TAKING}`)).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(cell(M('09:45 to 10:00, free'))).toHaveFocus();
    await user.keyboard('{Home}');
    expect(cell(M('09:00 to 09:15, free'))).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(cell(M('09:00 to 09:15, free'))).toHaveFocus();
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);

    await user.keyboard('b');
    const dialog = await screen.findByRole('dialog', { name: 'Dr Ama Mensah, 09:00 to 09:15' });
    expect(within(dialog).getByRole('button', { name: 'Book appointment' })).toBeEnabled();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(cell(M('09:00 to 09:15, free'))).toHaveFocus());
  });

  it('pages to the next day with Page Down, keeping the focused doctor and time, and T returns to today', async () => {
    const { user, clinic } = await openDay();
    const tomorrow = addDays(TODAY, 1);
    act(() => cell(M('09:15 to 09:30, booked: Jane Doe, Scheduled')).focus());
    await user.keyboard('{PageDown}');
    expect(await screen.findByRole('heading', { name: formatDateLong(tomorrow) })).toBeInTheDocument();
    expect(clinic.callsTo('schedule.day')).toContainEqual(expect.objectContaining({ date: tomorrow }));
    await screen.findByRole('grid', { name: `Slots of every doctor on ${formatDateLong(tomorrow)}` });
    await waitFor(() => expect(cell(M('09:15 to 09:30, booked: Jane Doe, Scheduled'))).toHaveFocus());

    await user.keyboard('t');
    expect(await screen.findByRole('heading', { name: formatDateLong(TODAY) })).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(await screen.findByRole('heading', { name: formatDateLong(addDays(TODAY, -1)) })).toBeInTheDocument();
    expect(clinic.callsTo('schedule.day')).toContainEqual(expect.objectContaining({ date: addDays(TODAY, -1) }));
  });

  it('lets the desk block a free slot with a reason, from its details (B)', async () => {
    const { user, clinic } = await openDay();
    act(() => cell(M('09:45 to 10:00, free')).focus());
    await user.keyboard('b');
    const dialog = within(await screen.findByRole('dialog', { name: 'Dr Ama Mensah, 09:45 to 10:00' }));
    await waitFor(() => expect(dialog.getByLabelText('Reason for blocking')).toHaveFocus());
    await user.click(dialog.getByRole('button', { name: 'Block this slot' }));
    expect(await dialog.findByText('Enter the reason for the block.')).toBeInTheDocument();
    await user.type(dialog.getByLabelText('Reason for blocking'), 'Lunch{Enter}');
    await waitFor(() => expect(clinic.callsTo('slots.block')).toHaveLength(1));
    expect(clinic.callsTo('slots.block')[0]).toMatchObject({ reason: 'Lunch' });
  });

  it('refetches when another desk changes a schedule, without moving focus or wiping what is typed', async () => {
    const { user, clinic } = await openDay();
    act(() => cell(M('09:45 to 10:00, free')).focus());
    let calls = clinic.callsTo('schedule.day').length;
    act(() => clinic.emit('schedule.changed', { doctorId: 12 }));
    await waitFor(() => expect(clinic.callsTo('schedule.day').length).toBeGreaterThan(calls));
    expect(cell(M('09:45 to 10:00, free'))).toHaveFocus();

    await user.keyboard('B');
    const dialog = within(await screen.findByRole('dialog', { name: 'Dr Ama Mensah, 09:45 to 10:00' }));
    await user.type(dialog.getByLabelText('Reason for blocking'), 'Lun');
    calls = clinic.callsTo('schedule.day').length;
    act(() => clinic.emit('schedule.changed', { doctorId: 11 }));
    await waitFor(() => expect(clinic.callsTo('schedule.day').length).toBeGreaterThan(calls));
    expect(dialog.getByLabelText('Reason for blocking')).toHaveValue('Lun');
    expect(dialog.getByLabelText('Reason for blocking')).toHaveFocus();
  });

  it('opens the booking dialog with the slot chosen when the desk books from a slot’s details', async () => {
    const { user } = await openDay();
    fireEvent.contextMenu(cell(M('09:45 to 10:00, free')));
    const slotDialog = await screen.findByRole('dialog', { name: 'Dr Ama Mensah, 09:45 to 10:00' });
    await user.click(within(slotDialog).getByRole('button', { name: 'Book appointment' }));
    const booking = await screen.findByRole('dialog', { name: 'Book appointment' });
    expect(within(booking).getAllByText(/Dr Ama Mensah/).length).toBeGreaterThan(0);
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Dr Ama Mensah, 09:45 to 10:00' })).not.toBeInTheDocument(),
    );
  });

  it('shows a doctor neither block nor book on another doctor’s slot', async () => {
    const { user } = await openDay('doctor');
    await user.click(cell(M('09:45 to 10:00, free')));
    const dialog = within(await screen.findByRole('dialog', { name: 'Dr Ama Mensah, 09:45 to 10:00' }));
    expect(dialog.queryByRole('button', { name: 'Block this slot' })).not.toBeInTheDocument();
    expect(dialog.queryByRole('button', { name: 'Book appointment' })).not.toBeInTheDocument();
    expect(dialog.getByText('The front desk books appointments.')).toBeInTheDocument();
  });
  it('goes straight to booking with Enter on a free slot; Enter on any other slot opens its details', async () => {
    const { user } = await openDay();
    act(() => cell(M('09:45 to 10:00, free')).focus());
    await user.keyboard('{Enter}');
    const booking = await screen.findByRole('dialog', { name: 'Book appointment' });
    expect(within(booking).getAllByText(/Dr Ama Mensah/).length).toBeGreaterThan(0);
    expect(screen.queryByLabelText('Reason for blocking')).not.toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(cell(M('09:45 to 10:00, free'))).toHaveFocus());

    await user.keyboard('{ArrowUp}{ArrowUp}{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Dr Ama Mensah, 09:15 to 09:30' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Book appointment' })).not.toBeInTheDocument();
  });

  it('shows a booked slot’s appointment status by word, icon colour and name', async () => {
    const { grid } = await openDay('receptionist', (date) => {
      const day = dayFor(date);
      const checkedIn = slot(12, date, '10:40', '11:00', {
        state: 'booked',
        appointment: { appointmentId: 2, patientId: 2, patientName: 'Sam Lee', status: 'checked_in' },
        unavailableReason: 'This slot is booked.',
      });
      return { ...day, slots: [...day.slots, checkedIn] };
    });
    const scheduled = cell(M('09:15 to 09:30, booked: Jane Doe, Scheduled'));
    const checkedIn = within(grid).getByRole('gridcell', {
      name: 'Dr Kofi Osei, 10:40 to 11:00, booked: Sam Lee, Checked in',
    });
    expect(within(scheduled).getByText('Scheduled')).toHaveAttribute('data-status', 'scheduled');
    expect(within(checkedIn).getByText('Checked in')).toHaveAttribute('data-status', 'checked_in');
    // The status's own colour (the board's and the patient page's), not one colour for every booking.
    expect(scheduled.style.getPropertyValue('--cd-slot-edge')).toBe('var(--mantine-color-blue-filled)');
    expect(checkedIn.style.getPropertyValue('--cd-slot-edge')).toBe('var(--mantine-color-teal-filled)');
  });

  it('pages doctors that do not fit, rendering only the page’s columns, by buttons and by arrow keys', async () => {
    const doctors = Array.from({ length: 8 }, (_, index) => ({
      doctorId: 21 + index,
      name: `Dr Number ${index + 1}`,
      specialization: 'General practice',
      isAvailable: true,
      leave: [],
    }));
    const eight = (date: string): Day => ({
      date,
      now: { date: TODAY, time: '09:05' },
      totalDoctors: 8,
      offset: 0,
      doctors,
      slots: doctors.map((doctor) => slot(doctor.doctorId, date, '09:00', '09:15')),
    });
    const { user, grid, clinic } = await openDay('receptionist', eight);
    expect(await screen.findByText('Doctors 1–6 of 8')).toBeInTheDocument();
    expect(clinic.callsTo('schedule.day')[0]).toMatchObject({ date: TODAY, offset: 0, limit: 6 });
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(7);
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(6);
    expect(within(grid).queryByRole('gridcell', { name: /^Dr Number 7,/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next doctors' }));
    expect(await screen.findByText('Doctors 7–8 of 8')).toBeInTheDocument();
    expect(clinic.callsTo('schedule.day')).toContainEqual(expect.objectContaining({ offset: 6, limit: 6 }));
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Next doctors' })).toBeDisabled();

    // Left from the page's first column goes to the previous page, at the same time.
    act(() => within(grid).getByRole('gridcell', { name: 'Dr Number 7, 09:00 to 09:15, free' }).focus());
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByText('Doctors 1–6 of 8')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(grid).getByRole('gridcell', { name: 'Dr Number 1, 09:00 to 09:15, free' })).toHaveFocus(),
    );
  });

  it('draws the now line on today at main’s time, moving on with the clock, and not on other days', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: new Date() });
    const { user, container } = await openDay();
    const line = () => container.querySelector('.cd-now-line');
    expect(line()).toHaveTextContent('Now 09:05');
    expect(line()).toHaveAttribute('aria-hidden', 'true');
    act(() => vi.advanceTimersByTime(5 * 60_000));
    expect(line()).toHaveTextContent('Now 09:10');

    act(() => cell(M('09:45 to 10:00, free')).focus());
    await user.keyboard('{PageDown}');
    await screen.findByRole('grid', { name: `Slots of every doctor on ${formatDateLong(addDays(TODAY, 1))}` });
    await waitFor(() => expect(line()).toBeNull());
  });
});
