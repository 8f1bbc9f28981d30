import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { call } from '../../../api/client.ts';
import { applyServerErrors } from '../../../api/form-errors.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { DialogButtons } from '../../../ui/DialogButtons.tsx';
import { StaffFields } from './StaffFields.tsx';
import { usersStrings } from './strings.ts';
import { createUserFormSchema, newUserDefaults, USER_FIELD_NAMES } from './user-form.ts';

const strings = usersStrings.form;

function NewUserForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm({
    resolver: zodResolver(createUserFormSchema),
    mode: 'onBlur',
    defaultValues: newUserDefaults(),
  });

  const onSubmit = methods.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const user = await call('users.create', input);
      notifications.show({ color: 'green', message: strings.created(user.name) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, methods.setError, USER_FIELD_NAMES));
    }
  });

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <StaffFields mode="create" />
          <DialogButtons
            submitLabel={strings.create}
            cancelLabel={strings.cancel}
            submitting={methods.formState.isSubmitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </FormProvider>
  );
}

export function NewUserDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.newTitle} size="lg">
      <NewUserForm onDone={onClose} />
    </Modal>
  );
}
