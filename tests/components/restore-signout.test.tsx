import { notifications } from '@mantine/notifications';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { restoredMessage } from '../../renderer/src/features/auth/use-session-sync.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// After a restore main signs every window out; the message says what happened and who did it.

const BACKUP_AT = '2026-03-02T09:00:00.000Z';
const shownAt = new Date(BACKUP_AT).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

// Mantine's notification store outlives a render: start each test without the last one's.
afterEach(() => notifications.clean());

describe('signed out by a restore', () => {
  it('says which backup was restored, by whom, and asks to sign in again', async () => {
    const clinic = createFakeClinic({ session: sessionFor('receptionist') });
    renderApp(clinic, '/front-desk');
    expect(await screen.findByRole('button', { name: 'Lock screen' })).toBeInTheDocument();

    clinic.emit('backup.restored', { backupCreatedAt: BACKUP_AT, restoredBy: 'Ada Admin' });
    clinic.emit('session.changed', { reason: 'restored' });

    expect(
      await screen.findByText(`The database was restored from the backup of ${shownAt} by Ada Admin. Sign in again.`),
    ).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText('You were signed out on this screen.')).not.toBeInTheDocument();
  });

  it('still says the database was restored when the details did not arrive', async () => {
    const clinic = createFakeClinic({ session: sessionFor('admin') });
    renderApp(clinic, '/admin/users');
    expect(await screen.findByRole('button', { name: 'Lock screen' })).toBeInTheDocument();
    clinic.emit('session.changed', { reason: 'restored' });
    expect(await screen.findByText('The database was restored from a backup. Sign in again.')).toBeInTheDocument();
  });

  it('words a command-line restore without a name', () => {
    expect(restoredMessage({ backupCreatedAt: BACKUP_AT, restoredBy: null })).toBe(
      `The database was restored from the backup of ${shownAt} by an admin. Sign in again.`,
    );
    expect(restoredMessage({ backupCreatedAt: 'not a date', restoredBy: 'Ada' })).toBe(
      'The database was restored from a backup. Sign in again.',
    );
  });
});
