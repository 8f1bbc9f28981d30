import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '#contract/index.ts';
import type { StaffRole } from '#contract/fields.ts';
import type { MergePreview } from '#contract/patient-merge.ts';
import type { PatientSearchResult } from '#contract/patients.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { NO_DEMOGRAPHICS, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Merging from the patient page: pick the duplicate by keyboard, both records side by side with
// a radio pair for each field that differs, the choices sent to main, and the admin's Undo.

const record = (patientId: number, name: string): ChannelOutput<'patients.get'> => ({
  patientId,
  patientNumber: `P-00000${patientId}`,
  name,
  phone: '07700900123',
  email: null,
  gender: null,
  age: 40,
  dateOfBirth: null,
  ...NO_DEMOGRAPHICS,
  medicalNotes: null,
  version: 3,
  createdAt: '2026-01-05T10:00:00.000Z',
  appointments: [],
  reschedules: [],
});

const JANE_DOH: PatientSearchResult = {
  patientId: 2,
  patientNumber: 'P-000002',
  name: 'Jane Doh',
  phone: '07700900123',
  email: null,
  gender: null,
  age: 40,
  dateOfBirth: null,
  lastVisit: null,
  nextAppointment: null,
};

const preview = (keptId: number, mergedId: number): MergePreview => {
  const names: Record<number, string> = { 1: 'Jane Doe', 2: 'Jane Doh' };
  const notes: Record<number, string | null> = { 1: null, 2: 'Allergic to penicillin' };
  const side = (id: number) => ({ patientId: id, patientNumber: `P-00000${id}`, name: names[id] ?? '', version: 3 });
  return {
    kept: side(keptId),
    merged: side(mergedId),
    fields: [
      { field: 'name', kept: names[keptId] ?? null, merged: names[mergedId] ?? null, differs: true },
      { field: 'phone', kept: '07700900123', merged: '07700900123', differs: false },
      { field: 'email', kept: null, merged: null, differs: false },
      { field: 'medicalNotes', kept: notes[keptId] ?? null, merged: notes[mergedId] ?? null, differs: true },
    ],
    moves: {
      appointments: 2,
      reschedules: 0,
      payments: 2,
      ledgerEntries: 3,
      receipts: 1,
      waitlistEntries: 0,
      threadsMoved: 0,
      threadsJoined: 1,
      messages: 4,
    },
  };
};

function clinicAs(role: StaffRole) {
  return createFakeClinic({
    session: sessionFor(role),
    handlers: {
      'patients.get': ({ patientId }) => ok(record(patientId, patientId === 2 ? 'Jane Doh' : 'Jane Doe')),
      'payments.forPatient': () => ok([]),
      'patients.search': () => ok([JANE_DOH]),
      'patients.mergePreview': ({ keptPatientId, mergedPatientId }) => ok(preview(keptPatientId, mergedPatientId)),
      'patients.merge': ({ keptPatientId, mergedPatientId }) =>
        ok({ mergeId: 7, keptPatientId, mergedPatientId, moves: preview(1, 2).moves }),
      'patients.undoMerge': ({ mergeId }) => ok({ mergeId, keptPatientId: 1, mergedPatientId: 2 }),
    },
  });
}

async function openMerge(role: StaffRole) {
  const clinic = clinicAs(role);
  const { user } = renderApp(clinic, '/patients/1');
  await user.click(await screen.findByRole('button', { name: 'Merge with…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Merge duplicate records' });
  const picker = within(dialog).getByRole('combobox', { name: /The other record/ });
  await waitFor(() => expect(picker).toHaveFocus());
  await user.keyboard('Jane Doh');
  await screen.findByRole('option', { name: /Jane Doh/, hidden: true });
  await user.keyboard('{Enter}');
  await within(dialog).findByRole('group', { name: 'Choose each field’s value' });
  return { clinic, user, dialog };
}

describe('merging two patient records', () => {
  it('shows both side by side, a radio pair per differing field, and sends the choices made by keyboard', async () => {
    const { clinic, user, dialog } = await openMerge('receptionist');
    expect(within(dialog).getByText('Keep P-000001')).toBeInTheDocument();
    expect(within(dialog).getByText('Merge away P-000002')).toBeInTheDocument();
    const name = within(dialog).getByRole('radiogroup', { name: 'Name' });
    const [keepName, takeName] = within(name).getAllByRole('radio');
    expect(keepName).toBeChecked();
    expect(takeName).toHaveAccessibleName('Name: Jane Doh (from P-000002)');
    const notes = within(dialog).getByRole('radiogroup', { name: 'Medical notes' });
    expect(within(notes).getByRole('radio', { name: 'Medical notes: Empty (from P-000001)' })).toBeChecked();
    // Same on both: shown once, nothing to choose; empty on both: not shown.
    expect(within(dialog).queryByRole('radiogroup', { name: 'Phone' })).not.toBeInTheDocument();
    expect(within(dialog).getByText('07700900123')).toBeInTheDocument();
    expect(within(dialog).queryByText('Email')).not.toBeInTheDocument();
    expect(within(dialog).getByText('2 appointments')).toBeInTheDocument();
    expect(within(dialog).getByText('1 thread joined with the same doctor’s')).toBeInTheDocument();

    takeName?.focus();
    await user.keyboard(' ');
    expect(takeName).toBeChecked();
    expect(keepName).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Merge records' }));
    await waitFor(() =>
      expect(clinic.callsTo('patients.merge')).toEqual([
        { keptPatientId: 1, mergedPatientId: 2, keptVersion: 3, mergedVersion: 3, choices: { name: 'merged' } },
      ]),
    );
    expect(await screen.findByText('P-000002 was merged into P-000001.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo merge' })).not.toBeInTheDocument();
  });

  it('keeps the other record when asked, and offers an admin the undo', async () => {
    const { clinic, user, dialog } = await openMerge('admin');
    await user.click(within(dialog).getByRole('button', { name: 'Keep the other record instead' }));
    expect(await within(dialog).findByText('Keep P-000002')).toBeInTheDocument();
    expect(clinic.callsTo('patients.mergePreview').at(-1)).toEqual({ keptPatientId: 2, mergedPatientId: 1 });
    await user.click(within(dialog).getByRole('button', { name: 'Merge records' }));
    await user.click(await screen.findByRole('button', { name: 'Undo merge' }));
    await waitFor(() => expect(clinic.callsTo('patients.undoMerge')).toEqual([{ mergeId: 7 }]));
    expect(await screen.findByText('The merge was undone: P-000001 is a record of its own again.')).toBeInTheDocument();
  });
});
