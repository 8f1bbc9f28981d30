import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '#contract/updates.ts';
import { updatesStrings } from '../../renderer/src/features/admin/this-pc/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → This PC → Updates: the admin sets the update folder, sees what is new, and installs.

const PATH = '\\\\clinic-server\\updates\\clinic-desk';
const base: UpdateStatus = { appVersion: '2.0.3', source: null, checkedAt: null, result: null, canInstall: true };
const available: UpdateStatus = {
  ...base,
  source: { kind: 'folder', path: PATH },
  checkedAt: '2026-12-07T08:00:00.000Z',
  result: {
    status: 'available',
    version: '2.1.0',
    releaseDate: '2026-12-01T10:00:00.000Z',
    releaseNotes: 'Receipts on 80 mm printers.',
  },
};

describe('Updates on the This PC tab', () => {
  it('sets the update folder, shows what is new and installs on the admin’s word', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'updates.status': () => ok(base),
        'updates.setSource': () => ok(available),
        'updates.install': () => ok({ done: true as const }),
      },
    });
    const { user } = renderApp(clinic, '/admin/this-pc');
    expect(await screen.findByText(updatesStrings.thisPc('2.0.3'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: updatesStrings.check })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: updatesStrings.folder }));
    await user.type(screen.getByLabelText(updatesStrings.path), PATH);
    await user.click(screen.getByRole('button', { name: updatesStrings.save }));
    expect(await screen.findByText(updatesStrings.availableTitle('2.1.0'))).toBeInTheDocument();
    expect(screen.getByText('Receipts on 80 mm printers.')).toBeInTheDocument();
    expect(clinic.callsTo('updates.setSource')).toEqual([{ source: { kind: 'folder', path: PATH } }]);

    await user.click(screen.getByRole('button', { name: updatesStrings.install('2.1.0') }));
    expect(await screen.findByText(updatesStrings.installStarted)).toBeInTheDocument();
    expect(clinic.callsTo('updates.install')).toEqual([{}]);
  });

  it('shows main’s refusal beside the folder field, and a refused installer plainly', async () => {
    const message = 'Enter the full path of the folder, for example \\\\clinic-server\\updates\\clinic-desk.';
    const refused =
      'The update Setup.exe does not match its feed (SHA-512 checksum), so it was deleted and not installed.';
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'updates.status': () => ok(available),
        'updates.setSource': () => fail('VALIDATION', message, { 'source.path': message }),
        'updates.install': () => fail('CONFLICT', refused),
      },
    });
    const { user } = renderApp(clinic, '/admin/this-pc');
    const field = await screen.findByLabelText(updatesStrings.path);
    await user.clear(field);
    await user.type(field, 'updates');
    await user.click(screen.getByRole('button', { name: updatesStrings.save }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: updatesStrings.install('2.1.0') }));
    expect(await screen.findByText(refused)).toBeInTheDocument();
  });

  it('offers no install in the web shell', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: { 'updates.status': () => ok({ ...available, canInstall: false }) },
    });
    renderApp(clinic, '/admin/this-pc');
    expect(await screen.findByText(updatesStrings.webShell)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: updatesStrings.install('2.1.0') })).not.toBeInTheDocument();
  });
});
