import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Backup } from '#contract/operations.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const backup = (overrides: Partial<Backup> = {}): Backup => ({
  backupId: 7,
  fileName: 'clinic-2026-03-02T09-00-00Z-manual.sqlite',
  path: '/backups/clinic-2026-03-02T09-00-00Z-manual.sqlite',
  createdAt: '2026-03-02T09:00:00.000Z',
  sizeBytes: 2_400_000,
  kind: 'manual',
  schemaVersion: '0009_operations',
  rowCounts: { users: 3 },
  integrity: 'ok',
  verified: 'ok',
  message: null,
  durationMs: 120,
  deleted: false,
  ...overrides,
});

const backupSettings = { folder: '/backups', dailyTime: '02:00', keepCount: 14, enabled: true, version: 1 };

describe('backups area', () => {
  it('restores only after RESTORE is typed, and sends the typed word to main', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'backups.getSettings': () => ok(backupSettings),
        'backups.list': () =>
          ok([backup(), backup({ backupId: 6, verified: 'failed', message: 'The backup file is damaged.' })]),
        'backups.restore': () => ok({ restored: backup(), safetyBackup: backup({ backupId: 8, kind: 'pre-restore' }) }),
      },
    });
    const { user } = renderApp(clinic, '/admin/backups');
    const table = await screen.findByRole('table', { name: 'Backups made' });
    expect(within(table).getByText('Verified')).toBeInTheDocument();
    expect(within(table).getByText('The backup file is damaged.')).toBeInTheDocument();
    expect(within(table).getAllByText('2.3 MB')).toHaveLength(2);
    // A failed backup offers no restore.
    expect(within(table).getAllByRole('button', { name: /^Restore/ })).toHaveLength(1);

    await user.click(within(table).getByRole('button', { name: /^Restore/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore a backup' });
    const confirm = within(dialog).getByRole('button', { name: 'Restore this backup' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type RESTORE to confirm'), 'restore');
    expect(confirm).toBeDisabled();
    expect(within(dialog).getByText('Type RESTORE in capitals to confirm.')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText('Type RESTORE to confirm'));
    await user.type(within(dialog).getByLabelText('Type RESTORE to confirm'), 'RESTORE');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(clinic.callsTo('backups.restore')).toEqual([{ backupId: 7, confirmation: 'RESTORE' }]));
  });

  it('lists a backup made from the command line as such, with its size and result', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'backups.getSettings': () => ok(backupSettings),
        'backups.list': () =>
          ok([
            backup({
              backupId: 9,
              kind: 'cli',
              fileName: 'before-upgrade.sqlite',
              path: '/mnt/usb/before-upgrade.sqlite',
            }),
            backup(),
          ]),
      },
    });
    renderApp(clinic, '/admin/backups');
    const table = await screen.findByRole('table', { name: 'Backups made' });
    const row = within(table).getByText('before-upgrade.sqlite').closest('tr');
    if (!row) throw new Error('no row for the command-line backup');
    expect(within(row).getByText('Command line')).toBeInTheDocument();
    expect(within(row).getByText('2.3 MB')).toBeInTheDocument();
    expect(within(row).getByText('Verified')).toBeInTheDocument();
    expect(within(table).getByText('On demand')).toBeInTheDocument();
  });

  it('shows a progress bar while a backup runs', async () => {
    const pending: { finish?: () => void; runId?: string } = {};
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'backups.getSettings': () => ok(backupSettings),
        'backups.list': () => ok([]),
        'backups.run': (input) =>
          new Promise((resolve) => {
            pending.finish = () => resolve(ok(backup()));
            pending.runId = input.runId ?? '';
            setTimeout(() => clinic.emit('backup.progress', { runId: input.runId ?? '', percent: 40 }), 0);
          }),
      },
    });
    const { user } = renderApp(clinic, '/admin/backups');
    await user.click(await screen.findByRole('button', { name: 'Back up now' }));
    const bar = await screen.findByRole('progressbar', { name: 'Backup progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(screen.getByText('Copying the database…')).toBeInTheDocument();
    clinic.emit('backup.progress', { runId: pending.runId ?? '', percent: 50 });
    expect(await screen.findByText(/^Checking the copy/)).toBeInTheDocument();
    pending.finish?.();
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
  });

  it('warns every desk on the home screen when the last good backup is old', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'backups.status': () =>
          ok({
            available: true,
            lastGoodAt: '2026-02-25T09:00:00.000Z',
            ageHours: 72,
            warn: true,
            lastFullCheck: null,
          }),
      },
    });
    renderApp(clinic, '/front-desk');
    expect(await screen.findByText(/The last verified backup is 3 days old/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open backups' })).not.toBeInTheDocument();
  });
});

describe('clinic settings', () => {
  it('saves the booking horizon and points to the backup settings', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'settings.update': (input) => ok(settingsFixture({ scheduleHorizonWeeks: input.scheduleHorizonWeeks ?? 12 })),
      },
    });
    const { user } = renderApp(clinic, '/admin/settings');
    const horizon = await screen.findByRole('textbox', { name: 'Booking horizon (weeks)' });
    expect(horizon).toHaveValue('12');
    expect(screen.getByRole('link', { name: 'The backup schedule and folder are under Backups.' })).toBeInTheDocument();
    await user.clear(horizon);
    await user.type(horizon, '20');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(clinic.callsTo('settings.update')).toHaveLength(1));
    expect(clinic.callsTo('settings.update')[0]).toMatchObject({ scheduleHorizonWeeks: 20, version: 1 });
  });
});
