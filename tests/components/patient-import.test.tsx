import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelInput } from '#contract/index.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → Import patients: the mapping main suggests is shown and can be changed, the preview
// shows the first rows as main says they will be stored (a formula cell as plain text), and
// the import runs only after a dry run, with progress and a report to download.

const HEADERS = ['Full name', 'Mobile', 'DOB', 'Reference'];

const previewRow = (row: number, name: string, problems: { row: number; field: string; message: string }[] = []) => ({
  row,
  values: { name, phone: '+441614960000', dateOfBirth: row === 3 ? null : '1980-04-03' },
  problems,
});

function clinicWith(handlers: Handlers = {}) {
  return createFakeClinic({
    session: sessionFor('admin'),
    handlers: {
      'imports.read': () =>
        ok({
          headers: HEADERS,
          columns: ['name', 'phone', 'dateOfBirth', null],
          rowCount: 3,
          encoding: 'UTF-8',
          delimiter: ';',
        }),
      'imports.preview': () =>
        ok({
          rowCount: 3,
          rows: [
            previewRow(2, 'Zoë Müller'),
            previewRow(3, '=HYPERLINK("http://evil.test")'),
            previewRow(4, 'No Phone', [{ row: 4, field: 'phone', message: 'Enter a phone number.' }]),
          ],
        }),
      'imports.dryRun': () =>
        ok({
          rowCount: 3,
          refused: [{ row: 4, field: 'phone', message: 'Enter a phone number.' }],
          refusedRows: 1,
          duplicates: [{ row: 3, name: 'Zoë Müller', patientNumber: 'P-000007', sameAsRow: null }],
        }),
      ...handlers,
    },
  });
}

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:report');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

async function chooseFile(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByRole('tab', { name: 'Import patients', selected: true });
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await user.upload(input, new File(['Full name;Mobile;DOB;Reference\n'], 'patients.csv', { type: 'text/csv' }));
}

describe('patient import', () => {
  it('pre-fills the mapping, previews the rows as stored, and sends a changed mapping', async () => {
    const clinic = clinicWith();
    const { user } = renderApp(clinic, '/admin/import');
    await chooseFile(user);

    expect(await screen.findByRole('combobox', { name: 'Patient field for column "Full name"' })).toHaveValue('name');
    expect(screen.getByRole('combobox', { name: 'Patient field for column "Mobile"' })).toHaveValue('phone');
    expect(screen.getByRole('combobox', { name: 'Patient field for column "Reference"' })).toHaveValue('');
    expect(screen.getByText('3 rows · UTF-8 · columns separated by ";"')).toBeInTheDocument();
    const [read] = clinic.callsTo('imports.read') as ChannelInput<'imports.read'>[];
    expect(read?.file.fileName).toBe('patients.csv');
    expect(atob(read?.file.contentBase64 ?? '')).toBe('Full name;Mobile;DOB;Reference\n');

    const preview = await screen.findByRole('table', { name: 'First rows as they will be stored' });
    const rows = within(preview).getAllByRole('row');
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Row', 'Name', 'Phone', 'Date of birth', 'Problems']);
    expect(within(rows[2] as HTMLElement).getByText('=HYPERLINK("http://evil.test")')).toBeInTheDocument();
    expect(within(rows[3] as HTMLElement).getByText('Phone: Enter a phone number.')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Patient field for column "DOB"' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Dates like 03/04/1980 are' }), 'mdy');
    await waitFor(() => {
      const last = clinic.callsTo('imports.preview').at(-1) as ChannelInput<'imports.preview'>;
      expect(last).toMatchObject({ columns: ['name', 'phone', null, null], dateOrder: 'mdy' });
    });
  });

  it('does not preview a mapping without the required fields', async () => {
    const clinic = clinicWith();
    const { user } = renderApp(clinic, '/admin/import');
    await chooseFile(user);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Patient field for column "Mobile"' }), '');
    const calls = clinic.callsTo('imports.preview').length;
    expect(screen.queryByRole('table', { name: 'First rows as they will be stored' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dry run' })).toBeDisabled();
    expect(clinic.callsTo('imports.preview')).toHaveLength(calls);
  });

  it('imports only after a dry run, shows progress and offers the report', async () => {
    const pending: { finish?: () => void } = {};
    const clinic = clinicWith({
      'imports.run': (input) =>
        new Promise((resolve) => {
          pending.finish = () =>
            resolve(
              ok({
                importId: 1,
                status: 'done' as const,
                totalRows: 3,
                imported: 1,
                merged: 0,
                skipped: 2,
                report: {
                  fileName: 'patients-import-report.csv',
                  mimeType: 'text/csv',
                  content: `runId ${input.runId}`,
                },
              }),
            );
        }),
    });
    const { user } = renderApp(clinic, '/admin/import');
    await chooseFile(user);
    const importButton = await screen.findByRole('button', { name: 'Import' });
    expect(importButton).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    const report = await screen.findByRole('region', { name: 'Dry run' });
    expect(within(report).getByRole('status')).toHaveTextContent('3 rows: 1 would be refused, 1 likely duplicate.');
    expect(within(report).getByRole('table', { name: 'Rows that would be refused' })).toHaveTextContent(
      '4PhoneEnter a phone number.',
    );
    expect(within(report).getByRole('table', { name: 'Likely duplicates' })).toHaveTextContent('3Zoë MüllerP-000007');

    await user.click(screen.getByRole('radio', { name: 'Merge: fill the existing record’s empty fields' }));
    await user.click(importButton);
    await waitFor(() => expect(clinic.callsTo('imports.run')).toHaveLength(1));
    const runInput = clinic.callsTo('imports.run')[0] as ChannelInput<'imports.run'>;
    expect(runInput).toMatchObject({ duplicates: 'merge', columns: ['name', 'phone', 'dateOfBirth', null] });
    clinic.emit('imports.progress', { runId: runInput.runId, done: 2, total: 3 });
    expect(await screen.findByText('2 of 3 rows')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '67');

    pending.finish?.();
    await user.click(await screen.findByRole('button', { name: 'Download the report (CSV)' }));
    expect(screen.getByText('Imported 1, merged 0, skipped 2.')).toBeInTheDocument();
    expect(URL.createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('asks main to cancel a running import', async () => {
    const clinic = clinicWith({
      'imports.run': () => new Promise(() => undefined),
      'imports.cancel': () => ok({ cancelled: true }),
    });
    const { user } = renderApp(clinic, '/admin/import');
    await chooseFile(user);
    await user.click(await screen.findByRole('button', { name: 'Dry run' }));
    await screen.findByRole('region', { name: 'Dry run' });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel import' }));
    const runInput = clinic.callsTo('imports.run')[0] as ChannelInput<'imports.run'>;
    expect(clinic.callsTo('imports.cancel')).toEqual([{ runId: runInput.runId }]);
    expect(await screen.findByText('Stopping after the current batch…')).toBeInTheDocument();
  });
});
