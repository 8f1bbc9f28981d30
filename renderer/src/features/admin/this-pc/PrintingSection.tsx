import { Button, Group, Radio, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReceiptPaper } from '#contract/payments.ts';
import type { PrintSettings } from '#contract/printing.ts';
import { call } from '../../../api/client.ts';
import { messageOf } from '../../../api/errors.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { printingStrings as strings } from './strings.ts';

const settingsKey = ['printing.settings'] as const;
const DEFAULT_PRINTER = '';

/** Admin → This PC → Printing: the printer the print dialog starts on, and the receipt paper. */
export function PrintingSection() {
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call('printing.settings', {}) });
  return (
    <Stack gap="sm" component="section" aria-label={strings.title}>
      <Title order={2} size="h3">
        {strings.title}
      </Title>
      <Text>{strings.intro}</Text>
      {settings.isPending ? <Skeleton h={160} /> : null}
      {settings.isError ? <FormAlert>{messageOf(settings.error)}</FormAlert> : null}
      {settings.data ? <PrintingForm settings={settings.data} /> : null}
    </Stack>
  );
}

function PrintingForm({ settings }: { settings: PrintSettings }) {
  const queryClient = useQueryClient();
  const printers = useQuery({
    queryKey: ['printing.printers'],
    queryFn: () => call('printing.printers', {}),
    enabled: settings.canPrint,
  });
  const [printer, setPrinter] = useState(settings.printerName ?? DEFAULT_PRINTER);
  const [paper, setPaper] = useState<ReceiptPaper>(settings.receiptPaper);
  const save = useMutation({
    mutationFn: () =>
      call('printing.setSettings', { printerName: printer === DEFAULT_PRINTER ? null : printer, receiptPaper: paper }),
    onSuccess: (next) => {
      queryClient.setQueryData(settingsKey, next);
      notifications.show({ color: 'green', message: strings.saved });
    },
  });
  const known = printers.data ?? [];
  // A remembered printer no longer listed stays choosable, so saving does not drop it silently.
  const choices = [
    { value: DEFAULT_PRINTER, label: strings.systemDefault },
    ...known.map((p) => ({ value: p.name, label: p.displayName })),
    ...(printer && !known.some((p) => p.name === printer) ? [{ value: printer, label: printer }] : []),
  ];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={520}>
        {settings.canPrint ? (
          <Select
            label={strings.printer}
            data={choices}
            value={printer}
            allowDeselect={false}
            description={printers.data && known.length === 0 ? strings.noPrinters : undefined}
            onChange={(value) => setPrinter(value ?? DEFAULT_PRINTER)}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {strings.webShell}
          </Text>
        )}
        <Radio.Group
          label={strings.paper}
          description={strings.paperHint}
          value={paper}
          onChange={(value) => setPaper(value as ReceiptPaper)}
        >
          <Group mt={6}>
            <Radio value="a5" label={strings.a5} />
            <Radio value="roll80" label={strings.roll80} />
          </Group>
        </Radio.Group>
        {save.error ? <FormAlert>{messageOf(save.error)}</FormAlert> : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {strings.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
