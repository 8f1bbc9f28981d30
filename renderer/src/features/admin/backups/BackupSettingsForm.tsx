import { Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupSettings } from '#contract/operations.ts';
import { call } from '../../../api/client.ts';
import { isClinicCallError, messageOf } from '../../../api/errors.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { backupStrings as strings } from './strings.ts';
import { backupKeys } from './use-backups.ts';

export function BackupSettingsForm({ settings }: { settings: BackupSettings }) {
  const queryClient = useQueryClient();
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [dailyTime, setDailyTime] = useState(settings.dailyTime);
  const [keepCount, setKeepCount] = useState<number | string>(settings.keepCount);
  const [enabled, setEnabled] = useState(settings.enabled);
  const save = useMutation({
    mutationFn: () =>
      call('backups.updateSettings', {
        version: settings.version,
        folder,
        dailyTime,
        keepCount: typeof keepCount === 'number' ? keepCount : Number.NaN,
        enabled,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(backupKeys.settings, saved);
      notifications.show({ color: 'green', message: strings.settingsSaved });
    },
  });
  const fields = isClinicCallError(save.error) ? save.error.fields : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="backup-settings-title">
      <Stack>
        <Title order={2} size="h4" id="backup-settings-title">
          {strings.settingsTitle}
        </Title>
        {save.error && Object.keys(fields).length === 0 ? <FormAlert>{messageOf(save.error)}</FormAlert> : null}
        <TextInput
          label={strings.folder}
          description={strings.folderHint}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={fields.folder}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={strings.dailyTime}
            description={strings.dailyTimeHint}
            value={dailyTime}
            onChange={(e) => setDailyTime(e.currentTarget.value)}
            error={fields.dailyTime}
          />
          <NumberInput
            label={strings.keepCount}
            description={strings.keepCountHint}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            value={keepCount}
            onChange={setKeepCount}
            error={fields.keepCount}
          />
        </SimpleGrid>
        <Checkbox label={strings.enabled} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {strings.saveSettings}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
