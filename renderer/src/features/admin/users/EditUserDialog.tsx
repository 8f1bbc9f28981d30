import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { StaffUser } from '../../../../../preload/contract.ts';
import { call } from '../../../api/client.ts';
import { hasCode } from '../../../api/errors.ts';
import { applyServerErrors } from '../../../api/form-errors.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { DialogButtons } from './DialogButtons.tsx';
import { StaffFields } from './StaffFields.tsx';
import { StaleAlert } from './StaleAlert.tsx';
import { usersStrings } from './strings.ts';
import { editUserFormSchema, USER_FIELD_NAMES, userToFormValues } from './user-form.ts';
import { useStaleReload } from '../../../lib/use-stale-reload.ts';

const strings = usersStrings;

function EditUserForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(user.version);
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm({
    resolver: zodResolver(editUserFormSchema),
    mode: 'onBlur',
    defaultValues: userToFormValues(user),
  });
  const { stale, setStale, reloading, reload } = useStaleReload(
    () => call('users.get', { userId: user.userId }),
    (fresh) => {
      methods.reset(userToFormValues(fresh));
      setVersion(fresh.version);
    },
    setFormError,
  );

  const onSubmit = methods.handleSubmit(async (values) => {
    setFormError(null);
    setStale(false);
    try {
      const saved = await call('users.update', { ...values, userId: user.userId, version });
      notifications.show({ color: 'green', message: strings.form.saved(saved.name) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onDone();
    } catch (error) {
      if (hasCode(error, 'STALE')) setStale(true);
      else setFormError(applyServerErrors(error, methods.setError, USER_FIELD_NAMES));
    }
  });

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {stale ? (
            <StaleAlert
              title={strings.stale.title}
              body={strings.stale.body}
              reloadLabel={strings.stale.reload}
              reloading={reloading}
              onReload={() => void reload()}
            />
          ) : null}
          {formError ? <FormAlert>{formError}</FormAlert> : null}
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
