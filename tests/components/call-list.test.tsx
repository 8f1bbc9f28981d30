import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CallListEntry } from '#contract/call-list.ts';
import type { CallOutcome } from '#shared/statuses.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The call list by keyboard: arrows move between patients, 1–4 mark the focused one (4 asks for
// the reason first), focus then moves on, and the progress line counts the calls.

const DAY = '2026-03-11';

function entry(id: number, overrides: Partial<CallListEntry> = {}): CallListEntry {
  return {
    appointmentId: id,
    date: DAY,
    time: `0${8 + id}:00`,
    doctorId: 11,
    doctorName: 'Dr Ama Mensah',
    patientId: 100 + id,
    patientName: `Patient ${id}`,
    patientNumber: `P-00010${id}`,
    phone: `07700900${id}00`,
    status: 'scheduled',
    mark: null,
    calls: 0,
    ...overrides,
  };
}

/** A fake main holding the list: a mark updates the entry as main would. */
function callListClinic(role: 'receptionist' | 'doctor', entries: CallListEntry[]) {
  const list = [...entries];
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'calls.day': () => ok({ date: DAY, doctorId: null, entries: list, called: list.filter((e) => e.calls).length }),
      'calls.mark': ({ appointmentId, outcome, note }) => {
        const index = list.findIndex((e) => e.appointmentId === appointmentId);
        const before = list[index];
        if (!before) return fail('NOT_FOUND', 'That appointment no longer exists.');
        const after: CallListEntry = {
          ...before,
          status: outcome === 'cancelled' ? 'cancelled' : before.status,
          calls: before.calls + 1,
          mark: {
            outcome: outcome as CallOutcome,
            note: note ?? null,
            markedBy: 'Rosa Desk',
            markedAt: '2026-03-10T10:00:00.000Z',
          },
        };
        list[index] = after;
        return ok(after);
      },
    },
  });
}

const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

describe('call list', () => {
  it('moves with the arrows and marks the focused patient with 1–3, then focuses the next one', async () => {
    const clinic = callListClinic('receptionist', [entry(1), entry(2), entry(3)]);
    const { user } = renderApp(clinic, '/call-list');
    await screen.findByText('Patient 1');
    expect(screen.getByText('0 of 3 called')).toBeInTheDocument();
    expect(row('Patient 1')).toHaveAttribute('tabindex', '0');
    expect(row('Patient 2')).toHaveAttribute('tabindex', '-1');
    act(() => row('Patient 1').focus());

    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(row('Patient 2')).toHaveFocus());
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(row('Patient 1')).toHaveFocus());

    await user.keyboard('1');
    await waitFor(() =>
      expect(clinic.callsTo('calls.mark')).toEqual([{ appointmentId: 1, outcome: 'confirmed', note: null }]),
    );
    await waitFor(() => expect(row('Patient 2')).toHaveFocus());
    await user.keyboard('3');
    await waitFor(() => expect(clinic.callsTo('calls.mark')).toHaveLength(2));
    expect(clinic.callsTo('calls.mark')[1]).toEqual({ appointmentId: 2, outcome: 'no_answer', note: null });
    await waitFor(() => expect(screen.getByText('2 of 3 called')).toBeInTheDocument());
    expect(within(row('Patient 1')).getByText('Confirmed')).toBeInTheDocument();
    expect(within(row('Patient 2')).getByText('No answer')).toBeInTheDocument();
    await waitFor(() => expect(row('Patient 3')).toHaveFocus());
  });

  it('asks for the reason before 4 cancels, and Escape cancels nothing', async () => {
    const clinic = callListClinic('receptionist', [entry(1), entry(2)]);
    const { user } = renderApp(clinic, '/call-list');
    await screen.findByText('Patient 1');
    act(() => row('Patient 1').focus());

    await user.keyboard('4');
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the appointment of Patient 1?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    expect(clinic.callsTo('calls.mark')).toEqual([]);

    act(() => row('Patient 1').focus());
    await user.keyboard('4');
    await screen.findByRole('dialog');
    await user.keyboard('Feeling better{Enter}');
    await waitFor(() =>
      expect(clinic.callsTo('calls.mark')).toEqual([
        { appointmentId: 1, outcome: 'cancelled', note: 'Feeling better' },
      ]),
    );
    await waitFor(() => expect(within(row('Patient 1')).getByText('Cancelled')).toBeInTheDocument());
    // A cancelled appointment takes no further marks.
    expect(within(row('Patient 1')).getByRole('button', { name: 'Mark Patient 1: Confirmed' })).toBeDisabled();
  });

  it('shows a doctor the list without marks or mark keys', async () => {
    const clinic = callListClinic('doctor', [
      entry(1, {
        mark: { outcome: 'left_message', note: null, markedBy: 'Rosa Desk', markedAt: '2026-03-10T09:00:00.000Z' },
        calls: 1,
      }),
    ]);
    const { user } = renderApp(clinic, '/call-list');
    await screen.findByText('Patient 1');
    expect(screen.getByText('1 of 1 called')).toBeInTheDocument();
    expect(within(row('Patient 1')).getByText('Left message')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Mark / })).not.toBeInTheDocument();
    act(() => row('Patient 1').focus());
    await user.keyboard('1');
    expect(clinic.callsTo('calls.mark')).toEqual([]);
  });
});
