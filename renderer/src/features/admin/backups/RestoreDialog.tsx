import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { RESTORE_CONFIRMATION, type Backup } from '#contract/operations.ts';
import { messageOf } from '../../../api/errors.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { backupStrings as strings } from './strings.ts';
import { useRestoreBackup } from './use-backups.ts';

interface RestoreDialogProps {
  backup: Backup | null;
  onClose: () => void;
}

/** Restore only after RESTORE is typed; main checks the word again. */
export function RestoreDialog({ backup, onClose }: RestoreDialogProps) {
  const [typed, setTyped] = useState('');
  const restore = useRestoreBackup();
  const matches = typed.trim() === RESTORE_CONFIRMATION;
  const close = () => {
    setTyped('');
    restore.reset();
    onClose();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!backup || !matches) return;
    restore.mutate({ backupId: backup.backupId, confirmation: typed });
  };

  return (
    <Modal opened={backup !== null} onClose={close} title={strings.restoreTitle} centered>
      <form onSubmit={onSubmit}>
        <Stack>
          <Alert color="orange" variant="light">
            {strings.restoreWarning}
          </Alert>
          {backup ? (
            <Text size="sm">
              <strong>{backup.fileName}</strong>
            </Text>
          ) : null}
          {restore.error ? <FormAlert>{messageOf(restore.error)}</FormAlert> : null}
          <TextInput
            label={strings.restoreType}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            error={typed.length >= RESTORE_CONFIRMATION.length && !matches ? strings.restoreMismatch : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {strings.restoreCancel}
            </Button>
            <Button type="submit" color="red" disabled={!matches} loading={restore.isPending}>
              {strings.restoreConfirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
