import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { StaffUser } from '#contract/index.ts';
import { call } from '../../../api/client.ts';
import { messageOf } from '../../../api/errors.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { usersStrings } from './strings.ts';

const strings = usersStrings.status;

function describe(user: StaffUser) {
  const { name } = user;
  if (user.status === 'active') {
    return {
      next: 'inactive',
      title: strings.deactivateTitle(name),
      body: strings.deactivateBody(name),
      confirm: strings.deactivateConfirm,
      done: strings.deactivated(name),
      destructive: true,
    } as const;
  }
  if (user.status === 'inactive') {
    return {
      next: 'active',
      title: strings.reactivateTitle(name),
      body: strings.reactivateBody(name),
      confirm: strings.reactivateConfirm,
      done: strings.reactivated(name),
      destructive: false,
    } as const;
  }
  return {
    next: 'active',
    title: strings.clearLockoutTitle(name),
    body: strings.clearLockoutBody(name),
    confirm: strings.clearLockoutConfirm,
    done: strings.reactivated(name),
    destructive: false,
  } as const;
}

function StatusConfirm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = describe(user);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('users.setStatus', { userId: user.userId, status: action.next });
      notifications.show({ color: 'green', message: action.done });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onDone();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <Stack>
        <Text>{action.body}</Text>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <Group justify="flex-end">
          {/* For a destructive change, focus starts on Cancel; otherwise on the action. */}
          <Button variant="default" onClick={onDone} data-autofocus={action.destructive || undefined}>
            {usersStrings.form.cancel}
          </Button>
          <Button
            type="submit"
            color={action.destructive ? 'red' : undefined}
            loading={busy}
            data-autofocus={!action.destructive || undefined}
          >
            {action.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface StatusDialogProps {
  user: StaffUser | null;
  opened: boolean;
  onClose: () => void;
}

export function StatusDialog({ user, opened, onClose }: StatusDialogProps) {
  return (
    <Modal opened={opened && user !== null} onClose={onClose} title={user ? describe(user).title : ''}>
      {user ? <StatusConfirm key={user.userId} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}
