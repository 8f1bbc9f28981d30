import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Appointment, Board } from '#contract/front-desk.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { boardFixture, ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The dense flow board: one line per appointment with its next step and a menu, keyboard row
// navigation, likely no-shows, reasons, the doctor filter and rows read page by page.

const TODAY = '2026-03-10';
// 10:00 in London (GMT in March).
const NOW = new Date('2026-03-10T10:00:00.000Z');

function appointment(id: number, overrides: Partial<Appointment> = {}): Appointment {
  return {
    appointmentId: id,
    doctorId: 11,
    doctorName: 'Dr Ama Mensah',
    patientId: id,
    patientName: `Patient ${id}`,
    availabilityId: 100 + id,
    date: TODAY,
    time: '11:00',
    endTime: '11:15',
    status: 'scheduled',
    isWalkIn: false,
    needsRescheduleReason: null,
    checkedInAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}

function boardClinic(
  role: 'receptionist' | 'doctor',
  board: (input: { offset?: number; limit?: number; doctorId?: number }) => Board,
  handlers: Handlers = {},
) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'appointments.board': (input) => ok(board(input)),
      'waitlist.matches': () => ok([]),
      'waitlist.list': () => ok([]),
      ...handlers,
    },
  });
}

const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

afterEach(() => {
  vi.useRealTimers();
});

describe('board rows', () => {
  it('move with the arrows and J/K, do the next step with Enter and open the menu with Shift+F10', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const rows = [
      appointment(1, { time: '09:50', status: 'checked_in', checkedInAt: '2026-03-10T09:52:00.000Z' }),
      appointment(2, { time: '10:15' }),
      appointment(3, { time: '10:30' }),
    ];
    const clinic = boardClinic('receptionist', () => boardFixture(TODAY, '10:00', rows), {
      'appointments.checkIn': ({ appointmentId }) => ok({ ...appointment(appointmentId), status: 'checked_in' }),
    });
    const { user } = renderApp(clinic, '/front-desk');
    await screen.findByText('Patient 1');
    // Only the focused row is in the Tab order.
    expect(row('Patient 1')).toHaveAttribute('tabindex', '0');
    expect(row('Patient 2')).toHaveAttribute('tabindex', '-1');
    act(() => row('Patient 1').focus());

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(row('Patient 2')).toHaveFocus());
    await user.keyboard('j');
    await waitFor(() => expect(row('Patient 3')).toHaveFocus());
    await user.keyboard('k');
    await waitFor(() => expect(row('Patient 2')).toHaveFocus());
    expect(row('Patient 2')).toHaveAttribute('tabindex', '0');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(clinic.callsTo('appointments.checkIn')).toEqual([{ appointmentId: 2 }]));

    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await screen.findByRole('menu', { hidden: true });
    expect(
      within(menu)
        .getAllByRole('menuitem', { hidden: true })
        .map((item) => item.getAttribute('aria-label') ?? item.textContent),
    ).toEqual([
      'Reschedule the appointment of Patient 2',
      'Cancel the appointment of Patient 2',
      'Message Dr Ama Mensah',
    ]);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu', { hidden: true })).not.toBeInTheDocument());
    // A doctor's next step is not the desk's: Enter on a checked-in row does nothing here.
    act(() => row('Patient 1').focus());
    await user.keyboard('{Enter}');
    expect(clinic.callsTo('appointments.checkIn')).toHaveLength(1);
  });

  it('ask what the desk knows when marking a no-show, and send it (or nothing) as the reason', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const rows = [appointment(4, { time: '09:30' }), appointment(5, { time: '09:45' })];
    const clinic = boardClinic('receptionist', () => boardFixture(TODAY, '10:00', rows), {
      'appointments.noShow': ({ appointmentId }) => ok({ ...appointment(appointmentId), status: 'no_show' }),
    });
    const { user } = renderApp(clinic, '/front-desk');
    await screen.findByText('Patient 4');

    const markNoShow = async (patient: string) => {
      act(() => row(patient).focus());
      await user.keyboard('{Shift>}{F10}{/Shift}');
      const menu = await screen.findByRole('menu', { hidden: true });
      await user.click(within(menu).getByRole('menuitem', { name: `Mark ${patient} as a no-show`, hidden: true }));
      return screen.findByRole('dialog', { name: `Mark ${patient} as a no-show?` });
    };
    const dialog = await markNoShow('Patient 4');
    await user.type(within(dialog).getByRole('textbox', { name: 'What we know (optional)' }), 'Phoned: unwell');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as no-show' }));
    await waitFor(() =>
      expect(clinic.callsTo('appointments.noShow')).toEqual([{ appointmentId: 4, reason: 'Phoned: unwell' }]),
    );

    const second = await markNoShow('Patient 5');
    await user.click(within(second).getByRole('button', { name: 'Mark as no-show' }));
    await waitFor(() => expect(clinic.callsTo('appointments.noShow')[1]).toEqual({ appointmentId: 5, reason: null }));
  });

  it('mark a patient still scheduled past the clinic’s setting as a likely no-show, in words', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
    const rows = [appointment(1, { time: '09:30' }), appointment(2, { time: '09:45' })];
    renderApp(
      boardClinic('receptionist', () => boardFixture(TODAY, '10:00', rows, { likelyNoShowMinutes: 25 })),
      '/front-desk',
    );
    await screen.findByText('Patient 1');
    expect(within(row('Patient 1')).getByText('Likely no-show')).toBeInTheDocument();
    expect(within(row('Patient 1')).getByText('Late 30 min')).toBeInTheDocument();
    expect(within(row('Patient 2')).queryByText('Likely no-show')).not.toBeInTheDocument();
    expect(within(row('Patient 2')).getByText('Late 15 min')).toBeInTheDocument();

    act(() => vi.advanceTimersByTime(10 * 60_000));
    expect(within(row('Patient 2')).getByText('Likely no-show')).toBeInTheDocument();
  });

  it('show why an appointment was cancelled or marked a no-show', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const rows = [
      { ...appointment(1, { status: 'cancelled' }), statusReason: 'The patient called to cancel.' },
      { ...appointment(2, { status: 'no_show', time: '09:00' }), statusReason: 'Phoned twice, no answer.' },
      appointment(3, { status: 'cancelled' }),
    ];
    renderApp(
      boardClinic('receptionist', () => boardFixture(TODAY, '10:00', rows)),
      '/front-desk',
    );
    await screen.findByText('Patient 1');
    expect(within(row('Patient 1')).getByText('Reason: The patient called to cancel.')).toBeInTheDocument();
    expect(within(row('Patient 2')).getByText('Reason: Phoned twice, no answer.')).toBeInTheDocument();
    expect(within(row('Patient 3')).queryByText(/Reason/)).not.toBeInTheDocument();
  });
});

describe('the board at a big clinic’s size', () => {
  it('reads one page at a time and renders only the rows in view, with the whole day’s counts', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const TOTAL = 13_000;
    const clinic = boardClinic('receptionist', ({ offset = 0, limit = 200 }) => {
      const page = Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => appointment(offset + i + 1));
      return boardFixture(TODAY, '10:00', page, {
        offset,
        total: TOTAL,
        statusCounts: {
          scheduled: 12_000,
          checked_in: 600,
          in_consultation: 200,
          completed: 150,
          cancelled: 40,
          no_show: 10,
        },
        doctors: [{ doctorId: 11, name: 'Dr Ama Mensah', count: TOTAL }],
      });
    });
    renderApp(clinic, '/front-desk');
    const table = await screen.findByRole('table', { name: 'Today’s appointments' });
    await within(table).findByText('Patient 1');
    expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    expect(table.querySelectorAll('tbody tr[data-row]').length).toBeLessThan(40);
    const counts = screen.getByRole('list', { name: 'Appointments by status' });
    expect(within(counts).getByText('13000 appointments')).toBeInTheDocument();
    expect(within(counts).getByText('Checked in: 600')).toBeInTheDocument();
    expect(new Set(clinic.callsTo('appointments.board'))).toEqual(new Set([{ offset: 0, limit: 100 }]));
  });
});

describe('the doctor filter', () => {
  const rows = [
    appointment(1, { doctorId: 3, doctorName: 'Dr Dan' }),
    appointment(2, { doctorId: 11, doctorName: 'Dr Ama Mensah', time: '11:15' }),
    appointment(3, { doctorId: 11, doctorName: 'Dr Ama Mensah', time: '11:30' }),
  ];
  const filtered = ({ doctorId }: { doctorId?: number }) => {
    const all = boardFixture(TODAY, '10:00', rows);
    const mine = rows.filter((a) => doctorId === undefined || a.doctorId === doctorId);
    return { ...boardFixture(TODAY, '10:00', mine), doctors: all.doctors };
  };

  it('asks main for one doctor’s rows and counts', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const clinic = boardClinic('receptionist', filtered);
    const { user } = renderApp(clinic, '/front-desk');
    await screen.findByText('Patient 1');
    await user.click(screen.getByRole('combobox', { name: 'Doctor' }));
    await user.click(await screen.findByRole('option', { name: 'Dr Ama Mensah (2)', hidden: true }));
    await waitFor(() => expect(screen.queryByText('Patient 1')).not.toBeInTheDocument());
    expect(screen.getByText('Patient 2')).toBeInTheDocument();
    expect(screen.getByText('2 appointments')).toBeInTheDocument();
    expect(clinic.callsTo('appointments.board')).toContainEqual({ offset: 0, limit: 100, doctorId: 11 });
  });

  it('lists a doctor’s own name first', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { user } = renderApp(boardClinic('doctor', filtered), '/front-desk');
    await screen.findByText('Patient 1');
    await user.click(screen.getByRole('combobox', { name: 'Doctor' }));
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(['All doctors (3)', 'Dr Dan, you (1)', 'Dr Ama Mensah (2)']);
  });
});

describe('the likely no-show setting', () => {
  it('is a field of the clinic settings, kept within 1 to 480 minutes', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'settings.update': (input) => ok(settingsFixture({ likelyNoShowMinutes: input.likelyNoShowMinutes ?? 20 })),
      },
    });
    const { user } = renderApp(clinic, '/admin/settings');
    const minutes = await screen.findByRole('textbox', { name: 'Likely no-show after (minutes)' });
    expect(minutes).toHaveValue('20');
    expect(minutes).toHaveAccessibleDescription(
      'The front desk board marks a patient not checked in this long after their time.',
    );
    await user.clear(minutes);
    await user.type(minutes, '500');
    await user.tab();
    expect(minutes).toHaveValue('480');
    await user.clear(minutes);
    await user.type(minutes, '30');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(clinic.callsTo('settings.update')).toHaveLength(1));
    expect(clinic.callsTo('settings.update')[0]).toMatchObject({ likelyNoShowMinutes: 30, version: 1 });
  });
});
