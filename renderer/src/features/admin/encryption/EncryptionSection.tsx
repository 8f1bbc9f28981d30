import { Alert, Button, Card, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EncryptionStatus } from '#contract/encryption.ts';
import { call } from '../../../api/client.ts';
import { isClinicCallError, messageOf } from '../../../api/errors.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { RecoverySheetButton, RecoveryWords } from '../../../ui/RecoveryWords.tsx';
import { encryptionStrings as strings } from './strings.ts';

const statusKey = ['encryption.status'] as const;

/** Admin → This PC: whether the clinic's data file is encrypted, and changing its key. */
export function EncryptionSection() {
  const status = useQuery({ queryKey: statusKey, queryFn: () => call('encryption.status', {}) });
  if (status.isPending) return <Skeleton h={160} maw={760} />;
  if (status.isError) return <FormAlert title={strings.failedTitle}>{messageOf(status.error)}</FormAlert>;
  return (
    <Card withBorder padding="md" component="section" aria-label={strings.title}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconLock size={20} aria-hidden />
          <Title order={3} size="h4">
            {strings.title}
          </Title>
        </Group>
        <StatusLines status={status.data} />
        {status.data.mode === 'encrypted' && <RekeyForm />}
      </Stack>
    </Card>
  );
}

function StatusLines({ status }: { status: EncryptionStatus }) {
  return (
    <>
      <Text size="sm">{strings[status.mode]}</Text>
      {status.mode === 'encrypted' && (
        <Text size="sm">{status.keyKeptOnThisComputer ? strings.keyKept : strings.keyAsked}</Text>
      )}
      {status.plainCopyKept && (
        <Alert color="yellow" variant="light">
          {strings.plainCopyKept}
        </Alert>
      )}
    </>
  );
}

function RekeyForm() {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState('');
  const rekey = useMutation({
    mutationFn: () => call('encryption.rekey', { confirmation }),
    onSuccess: () => {
      setConfirmation('');
      void queryClient.invalidateQueries({ queryKey: statusKey });
    },
  });
  const fieldError = isClinicCallError(rekey.error) ? rekey.error.fields.confirmation : undefined;

  if (rekey.data) {
    return (
      <Alert color="blue" variant="light" title={strings.newWordsTitle}>
        <Stack gap="xs">
          <Text size="sm">{strings.newWordsBody}</Text>
          <RecoveryWords words={rekey.data.recoveryWords} label={strings.wordsList} />
          <Group>
            <RecoverySheetButton sheet={rekey.data.sheet} label={strings.saveSheet} />
            <Button variant="default" onClick={() => rekey.reset()}>
              {strings.done}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        rekey.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={4} size="h5">
          {strings.rekeyTitle}
        </Title>
        <Text size="sm">{strings.rekeyBody}</Text>
        <Group align="flex-end">
          <TextInput
            label={strings.confirmLabel}
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={fieldError}
            autoComplete="off"
          />
          <Button type="submit" color="red" loading={rekey.isPending}>
            {strings.rekeyButton}
          </Button>
        </Group>
        {rekey.error && !fieldError && <FormAlert>{messageOf(rekey.error)}</FormAlert>}
      </Stack>
    </form>
  );
}
