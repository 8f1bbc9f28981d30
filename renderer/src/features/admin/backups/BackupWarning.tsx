import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { BACKUP_WARN_HOURS } from '#contract/operations.ts';
import { backupStrings as strings } from './strings.ts';
import { useBackupStatus } from './use-backups.ts';

/** The home-screen warning every desk sees when the last verified backup is too old. */
export function BackupWarning({ isAdmin }: { isAdmin: boolean }) {
  const status = useBackupStatus(true);
  if (!status.data || !status.data.available || !status.data.warn) return null;
  const { ageHours } = status.data;
  const message =
    ageHours === null
      ? strings.warning.none
      : strings.warning.old(Math.floor(Math.max(ageHours, BACKUP_WARN_HOURS) / 24));
  return (
    <Alert
      color="orange"
      variant="light"
      title={strings.warning.title}
      role="status"
      // The light variant's orange text fails contrast on its own background: body text colour instead.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      {message}{' '}
      {isAdmin ? (
        <Anchor component={Link} to="/admin/backups" c="var(--mantine-color-text)" underline="always" fw={600}>
          {strings.warning.open}
        </Anchor>
      ) : null}
    </Alert>
  );
}
