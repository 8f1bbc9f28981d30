import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contract, type Session } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { useSessionUpdater } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useRefetchAfterUnlock, useSignOut } from './session-actions.ts';
import { authStrings } from './strings.ts';
import { useIsolatedLayer } from './use-inert-outside.ts';

const strings = authStrings.lock;
const schema = contract['auth.unlock'].input;

function UnlockForm({ session }: { session: Session }) {
  const { setSession } = useSessionUpdater();
  const signOut = useSignOut();
  const refetchAfterUnlock = useRefetchAfterUnlock();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(schema), defaultValues: { password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      setSession(await call('auth.unlock', values));
      refetchAfterUnlock();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['password']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text>{strings.signedInAs(session.user.name, session.user.role)}</Text>
        <Text c="dimmed" size="sm">
          {strings.intro}
        </Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <PasswordInput
          label={strings.password}
          autoComplete="current-password"
          data-autofocus
          error={errors.password?.message}
          {...register('password')}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={() => void signOut()}>
            {strings.signOut}
          </Button>
          <Button type="submit" loading={isSubmitting} leftSection={<IconLock size={16} aria-hidden />}>
            {strings.unlock}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Covers the app while the session is locked. The screen underneath stays mounted (whatever was
 * typed survives) but is inert and hidden until the password is entered again.
 */
export function LockOverlay({ session }: { session: Session }) {
  const layer = useIsolatedLayer(session.locked);
  return (
    <Modal
      opened={session.locked}
      onClose={() => undefined}
      title={
        <Group gap="xs" component="span">
          <IconLock size={22} aria-hidden />
          {strings.title}
        </Group>
      }
      styles={{ title: { fontSize: 'var(--mantine-font-size-xl)' } }}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      zIndex={1000}
      portalProps={{ target: layer }}
      overlayProps={{ backgroundOpacity: 0.85, blur: 16 }}
    >
      <UnlockForm session={session} />
    </Modal>
  );
}
