import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { DialogButtons } from '../../../ui/DialogButtons.tsx';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { bookingSetupStrings } from './strings.ts';
import { fieldErrorsOf, serverErrorsOf, useRefreshBookingSetup, type FieldErrors } from './use-booking-setup.ts';

/**
 * Saving a type or a room: the contract's schema checks the fields first (each refusal on its
 * field), main saves, the lists read again and the dialog closes with a notice.
 */
export function useSetupSave<T>({
  schema,
  save,
  saved,
  onDone,
}: {
  schema: z.ZodType<T>;
  save: (values: T) => Promise<{ name: string }>;
  saved: (name: string) => string;
  onDone: () => void;
}) {
  const refresh = useRefreshBookingSetup();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const submit = async (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setSaving(true);
    try {
      const record = await save(parsed.data);
      notifications.show({ color: 'green', message: saved(record.name) });
      refresh();
      onDone();
    } catch (error) {
      setErrors(serverErrorsOf(error));
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, submit };
}

/** The form around a type's or a room's fields: the refusal that has no field above, Save and Cancel below. */
export function SetupForm({
  errors,
  saving,
  onSubmit,
  onCancel,
  children,
}: {
  errors: FieldErrors;
  saving: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        {children}
        <DialogButtons
          submitLabel={bookingSetupStrings.save}
          cancelLabel={bookingSetupStrings.cancel}
          submitting={saving}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
