import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { passwordAttemptSchema, passwordSchema } from '#contract/fields.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { authStrings } from './strings.ts';

const strings = authStrings.changePassword;

const schema = z
  .object({ currentPassword: passwordAttemptSchema, newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { message: strings.mismatch, path: ['confirmPassword'] });

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await call('auth.changePassword', { currentPassword, newPassword });
      notifications.show({ color: 'green', message: strings.done });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <PasswordInput
          label={strings.current}
          autoComplete="current-password"
          data-autofocus
          error={errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <PasswordInput
          label={strings.next}
          autoComplete="new-password"
          error={errors.newPassword?.message}
          {...register('newPassword')}
        />
        <PasswordInput
          label={strings.confirm}
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...register('confirmPassword')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {strings.cancel}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {strings.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ChangePasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.title}>
      <ChangePasswordForm onDone={onClose} />
    </Modal>
  );
}
