import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { StaffUser } from '#contract/index.ts';
import { passwordSchema } from '#contract/fields.ts';
import { call } from '../../../api/client.ts';
import { applyServerErrors } from '../../../api/form-errors.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { DialogButtons } from '../../../ui/DialogButtons.tsx';
import { usersStrings } from './strings.ts';

const strings = usersStrings.reset;

const schema = z
  .object({ newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { message: strings.mismatch, path: ['confirmPassword'] });

function ResetPasswordForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: { newPassword: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    setFormError(null);
    try {
      await call('users.resetPassword', { userId: user.userId, newPassword });
      notifications.show({ color: 'green', message: strings.done(user.name) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['newPassword']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{strings.intro(user.name)}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <PasswordInput
          label={strings.password}
          autoComplete="new-password"
          data-autofocus
          error={errors.newPassword?.message}
          {...register('newPassword')}
        />
        <PasswordInput
          label={strings.confirm}
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...register('confirmPassword')}
        />
        <DialogButtons
          submitLabel={strings.submit}
          cancelLabel={usersStrings.form.cancel}
          submitting={isSubmitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface ResetPasswordDialogProps {
  user: StaffUser | null;
  opened: boolean;
  onClose: () => void;
}

export function ResetPasswordDialog({ user, opened, onClose }: ResetPasswordDialogProps) {
  return (
    <Modal opened={opened && user !== null} onClose={onClose} title={user ? strings.title(user.name) : ''}>
      {user ? <ResetPasswordForm key={user.userId} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}
