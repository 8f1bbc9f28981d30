import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { FormProvider, useForm } from 'react-hook-form';
import type { StaffUser } from '#contract/index.ts';
import { call } from '../../../api/client.ts';
import { applyServerErrors } from '../../../api/form-errors.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { DialogButtons } from '../../../ui/DialogButtons.tsx';
import { StaffFields } from './StaffFields.tsx';
import { SaveAlerts } from '../../../ui/StaleAlert.tsx';
import { usersStrings } from './strings.ts';
import { editUserFormSchema, USER_FIELD_NAMES, userToFormValues } from './user-form.ts';
import { useVersionedSave } from '../../../lib/use-stale-reload.ts';

const strings = usersStrings;

function EditUserForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const queryClient = useQueryClient();
  const methods = useForm({
    resolver: zodResolver(editUserFormSchema),
    mode: 'onBlur',
    defaultValues: userToFormValues(user),
  });
  const saving = useVersionedSave(
    user.version,
    () => call('users.get', { userId: user.userId }),
    (fresh) => methods.reset(userToFormValues(fresh)),
  );

  const onSubmit = methods.handleSubmit((values) =>
    saving.save(
      async (version) => {
        const saved = await call('users.update', { ...values, userId: user.userId, version });
        notifications.show({ color: 'green', message: strings.form.saved(saved.name) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.users });
        onDone();
      },
      (error) => applyServerErrors(error, methods.setError, USER_FIELD_NAMES),
    ),
  );

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveAlerts {...saving} strings={strings.stale} />
          <StaffFields mode="edit" />
          <DialogButtons
            submitLabel={strings.form.save}
            cancelLabel={strings.form.cancel}
            submitting={methods.formState.isSubmitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </FormProvider>
  );
}

interface EditUserDialogProps {
  user: StaffUser | null;
  opened: boolean;
  onClose: () => void;
}

export function EditUserDialog({ user, opened, onClose }: EditUserDialogProps) {
  return (
    <Modal
      opened={opened && user !== null}
      onClose={onClose}
      title={user ? strings.form.editTitle(user.name) : ''}
      size="lg"
    >
      {user ? <EditUserForm key={user.userId} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}
