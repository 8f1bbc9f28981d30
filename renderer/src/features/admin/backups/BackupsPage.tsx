import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Backup } from '#contract/operations.ts';
import { messageOf } from '../../../api/errors.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { BackupSettingsForm } from './BackupSettingsForm.tsx';
import { BackupsTable } from './BackupsTable.tsx';
import { FullCheckLine } from './FullCheckLine.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';
import { backupStrings as strings } from './strings.ts';
import { useBackupList, useBackupSettings, useRunBackup } from './use-backups.ts';

export function BackupsPage() {
  const settings = useBackupSettings();
  const list = useBackupList();
  const run = useRunBackup();
  const [restoring, setRestoring] = useState<Backup | null>(null);

  const backUpNow = () =>
    run.mutate(undefined, {
      onSuccess: (backup) =>
        notifications.show({
          color: backup.verified === 'ok' ? 'green' : 'red',
          message: backup.verified === 'ok' ? strings.done(backup.fileName) : strings.doneFailed(backup.fileName),
        }),
    });

  if (settings.isPending || list.isPending) return <Loader aria-label={strings.title} />;
  if (settings.isError || list.isError) return <Alert color="red">{messageOf(settings.error ?? list.error)}</Alert>;

  return (
    <Stack gap="lg">
      <Text c="dimmed">{strings.intro}</Text>
      <BackupSettingsForm key={settings.data.version} settings={settings.data} />
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {strings.listTitle}
            </Title>
            <Button onClick={backUpNow} loading={run.isPending} loaderProps={{ type: 'dots' }}>
              {strings.runNow}
            </Button>
          </Group>
          {run.percent !== null ? (
            <Stack gap={4}>
              {/* Main reports the copy as 0–50 % and 100 % once the copy is checked. */}
              <Text size="sm">{run.percent < 50 ? strings.copying : strings.checking}</Text>
              <Progress value={run.percent} aria-label={strings.progressLabel} animated />
            </Stack>
          ) : null}
          {run.error ? <FormAlert>{messageOf(run.error)}</FormAlert> : null}
          <FullCheckLine />
          <BackupsTable backups={list.data} onRestore={setRestoring} />
        </Stack>
      </Paper>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}
