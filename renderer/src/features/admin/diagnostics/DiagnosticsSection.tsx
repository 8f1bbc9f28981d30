import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconStethoscope } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../../api/client.ts';
import { messageOf } from '../../../api/errors.ts';
import { saveBlob } from '../../../lib/download.ts';
import { diagnosticsStrings as strings } from './strings.ts';

/** Admin → Exports: the diagnostics zip (the same as Help › Export diagnostics in the desktop app). */
export function DiagnosticsSection() {
  const [busy, setBusy] = useState(false);

  async function exportDiagnostics(): Promise<void> {
    setBusy(true);
    try {
      const { fileName, zipBase64 } = await call('diagnostics.export', {});
      const bytes = Uint8Array.from(atob(zipBase64), (c) => c.charCodeAt(0));
      saveBlob(fileName, new Blob([bytes], { type: 'application/zip' }));
      notifications.show({ color: 'green', message: strings.saved(fileName) });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="md" component="section" aria-label={strings.title}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconStethoscope size={20} aria-hidden />
          <Title order={3} size="h4">
            {strings.title}
          </Title>
        </Group>
        <Text size="sm">{strings.body}</Text>
        <Text size="sm" c="dimmed">
          {strings.menuHint}
        </Text>
        <Group>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={busy}
            onClick={() => void exportDiagnostics()}
          >
            {strings.button}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
