import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRow } from '#contract/operations.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';
import { auditSentences } from '../../renderer/src/features/admin/audit/audit-diff.ts';

function row(auditId: number, more: Partial<AuditRow>): AuditRow {
  return {
    auditId,
    at: '2026-03-02T15:04:00.000Z',
    userId: 8,
    userName: 'Dana Reyes',
    action: 'auth.sign_in',
    entity: 'user',
    entityId: '8',
    subjectName: 'Dana Reyes',
    before: null,
    after: null,
    ...more,
  };
}

const ROWS = [
  row(3, {
    action: 'patient.update',
    entity: 'patient',
    entityId: '71',
    subjectName: 'Maria Perera',
    before: { name: 'Maria Perera', phone: '0777123456', email: null, version: 1 },
    after: { name: 'Maria Perera', phone: '0777999888', email: 'maria@example.org', version: 2 },
  }),
  row(2, { action: 'patient.view', entity: 'patient', entityId: '71', subjectName: 'Maria Perera' }),
  row(1, {}),
];

function auditClinic(timeFormat: '12h' | '24h') {
  return createFakeClinic({
    session: sessionFor('admin'),
    handlers: {
      'settings.get': () => ok(settingsFixture({ timeFormat })),
      'audit.list': () => ok({ rows: ROWS, nextCursor: null }),
      'audit.facets': () =>
        ok({
          users: [{ userId: 8, name: 'Dana Reyes' }],
          actions: ['auth.sign_in', 'patient.update', 'patient.view'],
          entities: ['patient', 'user'],
        }),
    },
  });
}

// jsdom has no layout: give the virtualized list a screen's size so it renders its rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(960);
});
afterEach(() => vi.restoreAllMocks());

describe('the audit viewer', () => {
  it('speaks in names and plain words, in the clinic’s 24-hour clock, with details only where recorded', async () => {
    renderApp(auditClinic('24h'), '/admin/audit');
    const list = await screen.findByRole('list', { name: 'Audit entries' });
    await within(list).findAllByText('Dana Reyes');
    const entries = [...list.querySelectorAll<HTMLElement>('[role="listitem"]')];
    const cards = entries.map((entry) => entry.textContent);

    expect(cards[0]).toContain('Changed patient details');
    expect(cards[0]).toContain('Dana Reyes');
    expect(cards[0]).toContain('Patient: Maria Perera');
    expect(cards[0]).toContain('15:04');
    expect(
      within(entries[0] ?? list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Changed phone from “0777123456” to “0777999888”.', 'Set email to “maria@example.org”.']);
    expect(cards[1]).toContain('Opened a patient record');
    expect(cards[2]).toContain('Signed in');
    expect(cards[2]).toContain('Staff account: Dana Reyes');
    const everything = list.textContent ?? '';
    expect(everything).not.toMatch(/AUTH\.SIGN_IN|auth\.sign_in|patient #|user #|#71|No details recorded|PM|AM/);
  });

  it('uses the 12-hour clock when the clinic does, and the app’s date pickers for the range', async () => {
    const clinic = auditClinic('12h');
    const { user } = renderApp(clinic, '/admin/audit');
    const list = await screen.findByRole('list', { name: 'Audit entries' });
    expect(await within(list).findAllByText(/3:04\sPM/)).toHaveLength(3);
    const filters = screen.getByRole('search', { name: 'Filter the audit trail' });
    // The app's date picker (it also takes typing), never a native date field.
    expect(filters.querySelector('input[type="date"]')).toBeNull();
    await user.type(within(filters).getByRole('textbox', { name: 'From' }), '2026-03-01');
    await user.tab();
    await waitFor(() => expect(clinic.callsTo('audit.list').at(-1)).toMatchObject({ filters: { from: '2026-03-01' } }));
    expect(within(filters).getByRole('combobox', { name: 'Patient' })).toBeInTheDocument();
  });
});

describe('audit details as sentences', () => {
  it('says what changed, what was set, cleared or recorded, and nothing for a row without details', () => {
    expect(
      auditSentences(
        { phone: '1', note: 'x', fee: { amount: 30 }, version: 3 },
        { phone: '2', note: null, fee: { amount: 35 }, version: 4, isActive: true },
      ),
    ).toEqual([
      'Changed phone from “1” to “2”.',
      'Cleared note (was “x”).',
      'Changed fee amount from 30 to 35.',
      'Set is active to yes.',
    ]);
    expect(auditSentences(null, { fileName: 'a.sqlite', note: null })).toEqual(['File name: “a.sqlite”']);
    expect(auditSentences({ status: 'scheduled' }, { status: 'cancelled' })).toEqual([
      'Changed status from Scheduled to Cancelled.',
    ]);
    expect(auditSentences(null, null)).toEqual([]);
  });
});
