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
        {status.data.plainCopyKept && <PlainCopyNotice />}
        {/* One element for both, so new words stay on screen when the status turns encrypted. */}
        {status.data.mode !== 'server' && <NewKeyForm kind={status.data.mode === 'encrypted' ? 'rekey' : 'encrypt'} />}
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
    </>
  );
}

const FORMS = {
  rekey: {
    channel: 'encryption.rekey',
    title: strings.rekeyTitle,
    body: strings.rekeyBody,
    confirmLabel: strings.confirmLabel,
    button: strings.rekeyButton,
  },
  encrypt: {
    channel: 'encryption.encryptExisting',
    title: strings.encryptTitle,
    body: strings.encryptBody,
    confirmLabel: strings.encryptConfirmLabel,
    button: strings.encryptButton,
  },
} as const;

/** The plain file kept after encrypting: deleted by the admin once the clinic works. */
function PlainCopyNotice() {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call('encryption.deletePlainCopy', {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: statusKey }),
  });
  return (
    <Alert color="yellow" variant="light">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{strings.plainCopyKept}</Text>
        <Button size="xs" variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
          {strings.deletePlainCopy}
        </Button>
        {remove.error && <FormAlert>{messageOf(remove.error)}</FormAlert>}
      </Stack>
    </Alert>
  );
}

/** A new key, confirmed by a typed word: a change of key, or the encryption of a plain clinic. */
function NewKeyForm({ kind }: { kind: keyof typeof FORMS }) {
  const form = FORMS[kind];
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState('');
  const change = useMutation({
    mutationFn: () => call(form.channel, { confirmation }),
    onSuccess: () => setConfirmation(''),
  });
  const fieldError = isClinicCallError(change.error) ? change.error.fields.confirmation : undefined;

  if (change.data) {
    return (
      <Alert color="blue" variant="light" title={strings.newWordsTitle}>
        <Stack gap="xs">
          <Text size="sm">{strings.newWordsBody}</Text>
          <RecoveryWords words={change.data.recoveryWords} label={strings.wordsList} />
          <Group>
            <RecoverySheetButton sheet={change.data.sheet} label={strings.saveSheet} />
            <Button
              variant="default"
              onClick={() => {
                change.reset();
                void queryClient.invalidateQueries({ queryKey: statusKey });
              }}
            >
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
        change.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={4} size="h5">
          {form.title}
        </Title>
        <Text size="sm">{form.body}</Text>
        <Group align="flex-end">
          <TextInput
            label={form.confirmLabel}
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
            error={fieldError}
            autoComplete="off"
          />
          <Button type="submit" color="red" loading={change.isPending}>
            {form.button}
          </Button>
        </Group>
        {change.error && !fieldError && <FormAlert>{messageOf(change.error)}</FormAlert>}
      </Stack>
    </form>
  );
}
