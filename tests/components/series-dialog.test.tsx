import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { SeriesBooked, SeriesOccurrence, SeriesPlan } from '#contract/series.ts';
import { createColorSchemeManager } from '../../renderer/src/app/color-scheme.ts';
import { AppProviders } from '../../renderer/src/app/providers.tsx';
import { createQueryClient } from '../../renderer/src/app/query-client.ts';
import { SeriesStep } from '../../renderer/src/features/front-desk/SeriesDialog.tsx';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { boardFixture, fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The "Repeat…" step of booking: rule → every date with its conflicts and alternatives → book
// all or none / skipping conflicts → the result; by keyboard, with main's refusals shown.

const DATES = ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07'];

function occurrence(index: number, overrides: Partial<SeriesOccurrence> = {}): SeriesOccurrence {
  return {
    index,
    date: DATES[index - 1] ?? '2026-03-03',
    time: '10:00',
    status: 'free',
    availabilityId: 100 + index,
    endTime: '10:30',
    reason: null,
    alternatives: [],
    ...overrides,
  };
}

const PLAN: SeriesPlan = {
  patientId: 1,
  patientName: 'Maria Perera',
  doctorId: 11,
  doctorName: 'Dr Ama Mensah',
  occurrences: [1, 2, 3, 4, 5, 6].map((i) =>
    i === 3
      ? occurrence(3, {
          status: 'taken',
          availabilityId: null,
          reason: 'This slot was just booked at another desk. Choose one of the next free slots.',
          alternatives: [
            { availabilityId: 201, date: '2026-03-17', startTime: '10:30', endTime: '11:00' },
            { availabilityId: 202, date: '2026-03-17', startTime: '11:00', endTime: '11:30' },
          ],
        })
      : occurrence(i),
  ),
};

const bookedVisit = (index: number): SeriesBooked['booked'][number] => ({
  index,
  appointmentId: 500 + index,
  doctorId: 11,
  doctorName: 'Dr Ama Mensah',
  patientId: 1,
  patientName: 'Maria Perera',
  availabilityId: 100 + index,
  date: DATES[index - 1] ?? '2026-03-03',
  time: '10:00',
  endTime: '10:30',
  status: 'scheduled',
  isWalkIn: false,
  needsRescheduleReason: null,
  checkedInAt: null,
  createdAt: '2026-03-02T09:00:00.000Z',
});

const booked = (indexes: number[]): SeriesBooked => ({
  seriesId: 7,
  mode: 'all_or_none',
  booked: indexes.map(bookedVisit),
  skipped: [],
});

function renderStep(handlers: Handlers, typeAndRoom: { appointmentTypeId?: number; resourceId?: number } = {}) {
  const clinic = createFakeClinic({ session: sessionFor('receptionist'), handlers });
  window.clinic = clinic.api;
  const onDone = vi.fn();
  const onBack = vi.fn();
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={createQueryClient()} colorSchemeManager={createColorSchemeManager()}>
      <MemoryRouter>
        <SeriesStep
          patient={{ patientId: 1, name: 'Maria Perera' }}
          firstSlotId={101}
          firstSlotText="Dr Ama Mensah, Tue 3 Mar 2026 at 10:00"
          {...typeAndRoom}
          onBack={onBack}
          onDone={onDone}
        />
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, clinic, onDone, onBack };
}

describe('the series step of booking', () => {
  it('shows every date with the conflict and its alternatives, and books the chosen alternative all or none', async () => {
    const { user, clinic, onDone } = renderStep({
      'appointments.planSeries': () => ok(PLAN),
      'appointments.bookSeries': () => ok(booked([1, 2, 3, 4, 5, 6])),
    });
    await user.click(screen.getByRole('textbox', { name: 'Every' }));
    await user.keyboard('{Enter}');
    const list = await screen.findByRole('list', { name: 'Dates of the series' });
    expect(clinic.callsTo('appointments.planSeries')).toEqual([
      { patientId: 1, firstSlotId: 101, every: 1, unit: 'weeks', count: 6 },
    ]);
    expect(within(list).getAllByRole('listitem')).toHaveLength(6);
    expect(screen.getByText('5 of 6 dates are free; choose for the others.')).toBeInTheDocument();
    expect(within(list).getByText('Taken')).toBeInTheDocument();
    expect(within(list).getByText(/just booked at another desk/)).toBeInTheDocument();
    // Focus goes to the main action so Enter books; the desk goes back to choose an alternative.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Book, skip conflicts' })).toHaveFocus());
    const instead = screen.getByRole('combobox', { name: /^Instead of/ });
    expect(
      within(instead)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Skip this date',
      expect.stringMatching(/^Book .*10:30 instead$/),
      expect.stringMatching(/^Book .*11:00 instead$/),
    ]);
    await user.selectOptions(instead, '201');
    await user.click(screen.getByRole('button', { name: 'Book all or none' }));
    expect(await screen.findByRole('status')).toHaveTextContent('6 visits are booked.');
    expect(clinic.callsTo('appointments.bookSeries')).toEqual([
      {
        patientId: 1,
        firstSlotId: 101,
        every: 1,
        unit: 'weeks',
        count: 6,
        mode: 'all_or_none',
        choices: [{ index: 3, availabilityId: 201 }],
      },
    ]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('books skipping conflicts by Enter and lists the skipped dates with why', async () => {
    const { user, clinic } = renderStep({
      'appointments.planSeries': () => ok(PLAN),
      'appointments.bookSeries': () =>
        ok({
          ...booked([1, 2, 4, 5, 6]),
          mode: 'skip_conflicts' as const,
          skipped: [{ index: 3, date: '2026-03-17', time: '10:00', reason: 'That slot is already booked.' }],
        }),
    });
    await user.click(screen.getByRole('textbox', { name: 'Every' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Book, skip conflicts' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('5 visits are booked.');
    expect(clinic.callsTo('appointments.bookSeries')).toMatchObject([{ mode: 'skip_conflicts', choices: [] }]);
    const skipped = screen.getByRole('list', { name: 'Skipped dates' });
    expect(skipped).toHaveTextContent(/That slot is already booked\./);
  });

  it('plans and books with the type and room chosen in the booking dialog', async () => {
    const { user, clinic } = renderStep(
      { 'appointments.planSeries': () => ok(PLAN), 'appointments.bookSeries': () => ok(booked([1, 2, 4, 5, 6])) },
      { appointmentTypeId: 3, resourceId: 4 },
    );
    await user.click(screen.getByRole('textbox', { name: 'Every' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Book, skip conflicts' })).toHaveFocus());
    await user.keyboard('{Enter}');
    await screen.findByRole('status');
    for (const input of [...clinic.callsTo('appointments.planSeries'), ...clinic.callsTo('appointments.bookSeries')])
      expect(input).toMatchObject({ appointmentTypeId: 3, resourceId: 4 });
  });

  it('shows main’s refusals: a field beside it, a conflict above the dates', async () => {
    let planned = false;
    const { user } = renderStep({
      'appointments.planSeries': (input) => {
        if (input.count === 1)
          return fail('VALIDATION', 'Check the series.', { count: 'A series needs at least 2 visits.' });
        planned = true;
        return ok(PLAN);
      },
      'appointments.bookSeries': () =>
        fail('CONFLICT', 'Visit 3 on 2026-03-17 at 10:00 cannot be booked: That slot is taken. Nothing was booked.'),
    });
    const count = screen.getByRole('textbox', { name: 'Number of visits' });
    await user.clear(count);
    await user.type(count, '1{Enter}');
    expect(await screen.findByText('A series needs at least 2 visits.')).toBeInTheDocument();
    expect(count).toHaveAttribute('aria-invalid', 'true');
    await user.clear(count);
    await user.type(count, '6{Enter}');
    await screen.findByRole('list', { name: 'Dates of the series' });
    expect(planned).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Book all or none' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Visit 3 on 2026-03-17 .* Nothing was booked\./);
  });
});

describe('cancelling a visit of a series', () => {
  const visit = { ...bookedVisit(2), date: '2026-03-10' };
  const board = () => ok(boardFixture('2026-03-10', '08:00', [visit]));

  it('offers "this and following" and cancels through the series channel with the reason', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'appointments.board': board,
        'waitlist.matches': () => ok([]),
        'waitlist.list': () => ok([]),
        'appointments.seriesOf': () => ok({ seriesId: 7, openFromHere: 5, openTotal: 6 }),
        'appointments.cancelSeries': () => ok([{ ...visit, status: 'cancelled' as const }]),
      },
    });
    const { user } = renderApp(clinic, '/front-desk');
    await user.click(await screen.findByRole('button', { name: 'More actions for Maria Perera' }));
    await user.click(await screen.findByRole('menuitem', { name: /^Cancel the appointment/, hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the appointment of Maria Perera?' });
    await user.keyboard('Course finished');
    const following = await within(dialog).findByRole('radio', { name: 'Cancel this and following (5 visits)' });
    expect(within(dialog).getByRole('radio', { name: 'Only this visit' })).toBeChecked();
    await user.click(following);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() =>
      expect(clinic.callsTo('appointments.cancelSeries')).toEqual([
        { appointmentId: visit.appointmentId, scope: 'this_and_following', reason: 'Course finished' },
      ]),
    );
    expect(clinic.callsTo('appointments.cancel')).toEqual([]);
  });

  it('shows no choice outside a series and cancels only that appointment', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'appointments.board': board,
        'waitlist.matches': () => ok([]),
        'waitlist.list': () => ok([]),
        'appointments.seriesOf': () => ok(null),
        'appointments.cancel': () => ok({ ...visit, status: 'cancelled' as const }),
      },
    });
    const { user } = renderApp(clinic, '/front-desk');
    await user.click(await screen.findByRole('button', { name: 'More actions for Maria Perera' }));
    await user.click(await screen.findByRole('menuitem', { name: /^Cancel the appointment/, hidden: true }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the appointment of Maria Perera?' });
    await waitFor(() => expect(clinic.callsTo('appointments.seriesOf')).toHaveLength(1));
    expect(within(dialog).queryByRole('radio')).not.toBeInTheDocument();
    await user.keyboard('Moved away{Enter}');
    await waitFor(() =>
      expect(clinic.callsTo('appointments.cancel')).toEqual([
        { appointmentId: visit.appointmentId, reason: 'Moved away' },
      ]),
    );
  });
});
