import { Text } from '@mantine/core';
import { when } from './BackupsTable.tsx';
import { backupStrings as strings } from './strings.ts';
import { useBackupStatus } from './use-backups.ts';

/** When the weekly full check of the live database last ran, and what it found. */
export function FullCheckLine() {
  const status = useBackupStatus(true);
  if (!status.data?.available) return null;
  const check = status.data.lastFullCheck;
  if (!check) return <Text size="sm">{strings.fullCheck.never}</Text>;
  return (
    <Text size="sm" c={check.ok ? undefined : 'red'} role={check.ok ? undefined : 'alert'}>
      {check.ok ? strings.fullCheck.ok(when(check.at)) : strings.fullCheck.failed(when(check.at), check.result)}
    </Text>
  );
}
