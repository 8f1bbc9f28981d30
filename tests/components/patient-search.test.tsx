import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatientSearchResult } from '#contract/patients.ts';
import type { ChannelOutput, Result } from '#contract/index.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

function found(patientId: number, name: string, more: Partial<PatientSearchResult> = {}): PatientSearchResult {
  return {
    patientId,
    patientNumber: `P-${String(patientId).padStart(6, '0')}`,
    name,
    phone: null,
    email: null,
    gender: null,
    age: null,
    dateOfBirth: null,
    lastVisit: null,
    nextAppointment: null,
    ...more,
  };
}

type Answer = Result<ChannelOutput<'patients.search'>>;

/** A search whose answers arrive only when the test says, one per typed text. */
function heldSearch() {
  const pending = new Map<string, (answer: Answer) => void>();
  const clinic = createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'patients.search': ({ query }) => new Promise<Answer>((resolve) => pending.set(query, resolve)),
    },
  });
  const answer = (query: string, patients: PatientSearchResult[]) => {
    const resolve = pending.get(query);
    if (!resolve) throw new Error(`no search for “${query}” was sent`);
    resolve(ok(patients));
  };
  return { clinic, answer };
}

// jsdom has no layout: give elements the size a screen would, so the virtualized table has rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(960);
});
afterEach(() => vi.restoreAllMocks());

const resultNames = () =>
  within(screen.getByRole('table', { name: 'Patients found' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('patient search as you type', () => {
  it('sends every keystroke at once and never lets an older answer replace a newer one', async () => {
    const { clinic, answer } = heldSearch();
    const { user } = renderApp(clinic, '/patients');
    await user.type(await screen.findByRole('searchbox', { name: 'Search patients' }), 'ann');
    // No waiting before the call: each text went out as it was typed.
    expect(clinic.callsTo('patients.search')).toEqual([
      { query: 'a', limit: 200 },
      { query: 'an', limit: 200 },
      { query: 'ann', limit: 200 },
    ]);

    answer('ann', [found(3, 'Ann Newest')]);
    await screen.findByRole('link', { name: 'Ann Newest' });
    // The slower answers to "an" and "a" arrive afterwards: they are dropped.
    answer('an', [found(2, 'An Older')]);
    answer('a', [found(1, 'A Oldest')]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resultNames()).toEqual(['Ann Newest']);
  });

  it('keeps the last answer on screen while the next one is on its way', async () => {
    const { clinic, answer } = heldSearch();
    const { user } = renderApp(clinic, '/patients');
    const box = await screen.findByRole('searchbox', { name: 'Search patients' });
    await user.type(box, 'b');
    answer('b', [found(4, 'Bea First')]);
    await screen.findByRole('link', { name: 'Bea First' });
    await user.type(box, 'e');
    await waitFor(() => expect(clinic.callsTo('patients.search')).toHaveLength(2));
    expect(resultNames()).toEqual(['Bea First']);
    answer('be', [found(5, 'Ben Second')]);
    await screen.findByRole('link', { name: 'Ben Second' });
    expect(resultNames()).toEqual(['Ben Second']);
  });
});

describe('a search result row', () => {
  it('answers the question: birth or age, phone, last visit, next appointment; a dash read as “Not given” where missing', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.search': () =>
          ok([
            found(1, 'Chen Wei', {
              phone: '02015550101',
              dateOfBirth: '1969-05-20',
              age: 56,
              lastVisit: '2026-03-02',
              nextAppointment: { date: '2026-03-06', time: '11:30' },
            }),
            found(2, 'Chen Li', { age: 57 }),
            found(3, 'Chen Nobody'),
          ]),
      },
    });
    const { user } = renderApp(clinic, '/patients');
    await user.type(await screen.findByRole('searchbox', { name: 'Search patients' }), 'chen');
    const table = await screen.findByRole('table', { name: 'Patients found' });
    const cells = (name: string) => {
      const row = within(table).getByRole('link', { name }).closest('tr');
      if (!row) throw new Error(`no row for ${name}`);
      return within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    };
    expect(cells('Chen Wei')).toEqual([
      'Chen Wei',
      'P-000001',
      'Tue, May 20, 1969 (56 years)',
      '02015550101',
      'Mon, Mar 2, 2026',
      'Fri, Mar 6, 2026 at 11:30',
      '—Not given',
    ]);
    expect(cells('Chen Li').slice(2)).toEqual(['57 years old', '—Not given', '—Not given', '—Not given', '—Not given']);
    expect(cells('Chen Nobody').slice(2)).toEqual(Array.from({ length: 5 }, () => '—Not given'));
    expect(table).not.toHaveTextContent(/None|null/);
  });
});
