import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SlotView } from '#contract/schedule.ts';
import { addDays, clinicNow, mondayOf } from '#shared/dates.ts';
import { formatDateMedium, formatDateShort } from '../../renderer/src/lib/date-format.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const TODAY = clinicNow('Europe/London', new Date()).date;
const DAN = { doctorId: 3, name: 'Dr Dan', specialization: 'General practice', isAvailable: true, leave: [] };

const slot = (date: string, startTime: string, endTime: string, extra: Partial<SlotView> = {}): SlotView => ({
  availabilityId: Number(date.replaceAll('-', '')) + Number(startTime.replace(':', '')),
  doctorId: 3,
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

function weekOf(date: string) {
  const weekStart = mondayOf(date);
  const days = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  return {
    weekStart,
    days,
    now: { date: TODAY, time: '08:00' },
    doctor: DAN,
    leave: [
      {
        exceptionId: 4,
        doctorId: 3,
        kind: 'leave' as const,
        startDate: days[2] ?? weekStart,
        endDate: days[2] ?? weekStart,
        startTime: null,
        endTime: null,
        slotMinutes: null,
        reason: 'Conference',
      },
    ],
    slots: days.flatMap((day, index) =>
      index === 2 ? [] : [slot(day, '14:00', '14:30'), slot(day, '14:30', '15:00')],
    ),
  };
}

describe('calendar for a doctor', () => {
  it('starts on My day with the doctor’s slots, patients and statuses, times in the clinic’s 12-hour setting', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('doctor'),
      handlers: {
        'settings.get': () => ok(settingsFixture({ timeFormat: '12h' })),
        'schedule.myDay': ({ date }) =>
          ok({
            date: date ?? TODAY,
            now: { date: TODAY, time: '08:00' },
            doctor: DAN,
            slots: [
              slot(TODAY, '14:00', '14:30', {
                state: 'booked',
                appointment: { appointmentId: 1, patientId: 1, patientName: 'Jane Doe', status: 'checked_in' },
              }),
              slot(TODAY, '14:30', '15:00'),
            ],
          }),
      },
    });
    renderApp(clinic, '/calendar');
    expect(await screen.findByRole('tab', { name: 'My day', selected: true })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: /^Your slots on/ });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(/2:00\s?PM to 2:30\s?PM/);
    expect(rows[1]).toHaveTextContent('Jane Doe');
    expect(rows[1]).toHaveTextContent('Checked in');
    expect(rows[2]).toHaveTextContent('Free');
  });

  it('shows one doctor’s week, whole-day leave in its column, and pages by week', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('doctor'),
      handlers: {
        'doctors.list': () =>
          ok([
            {
              ...DAN,
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
        'schedule.week': ({ date }) => ok(weekOf(date)),
      },
    });
    const { user } = renderApp(clinic, '/calendar/week');
    const monday = mondayOf(TODAY);
    const grid = await screen.findByRole('grid', {
      name: `Slots of Dr Dan in the week starting ${formatDateMedium(monday)}`,
    });
    const headers = within(grid).getAllByRole('columnheader');
    expect(headers).toHaveLength(8);
    expect(headers[3]).toHaveTextContent('On leave all day: Conference');
    const first = within(grid).getByRole('gridcell', { name: `${formatDateShort(monday)}, 14:00 to 14:30, free` });
    act(() => first.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(
      within(grid).getByRole('gridcell', { name: `${formatDateShort(addDays(monday, 3))}, 14:00 to 14:30, free` }),
    ).toHaveFocus();
    await user.keyboard('{PageDown}');
    const next = addDays(monday, 7);
    await screen.findByRole('grid', { name: `Slots of Dr Dan in the week starting ${formatDateMedium(next)}` });
    expect(clinic.callsTo('schedule.week')).toContainEqual({ doctorId: 3, date: addDays(TODAY, 7) });
  });
});
