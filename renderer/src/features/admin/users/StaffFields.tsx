import { PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { STAFF_ROLES } from '../../../../../preload/schemas.ts';
import { roleLabels } from '../../../lib/strings.ts';
import { DoctorFields } from './DoctorFields.tsx';
import { usersStrings } from './strings.ts';
import type { UserFormValues } from './user-form.ts';

const strings = usersStrings.form;
const roleChoices = STAFF_ROLES.map((role) => ({ value: role, label: roleLabels[role] }));

/** The fields of the new-user and edit dialogs; doctor fields appear only for doctors. */
export function StaffFields({ mode }: { mode: 'create' | 'edit' }) {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<UserFormValues>();
  const role = useWatch({ control, name: 'role' });

  return (
    <Stack>
      <TextInput
        label={strings.name}
        data-autofocus
        autoComplete="off"
        error={errors.name?.message}
        {...register('name')}
      />
      <TextInput
        label={strings.email}
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...register('email')}
      />
      <TextInput
        label={strings.phone}
        description={strings.phoneHint}
        type="tel"
        autoComplete="off"
        error={errors.phone?.message}
        {...register('phone')}
      />
      {mode === 'create' ? (
        <Controller
          control={control}
          name="role"
          render={({ field, fieldState }) => (
            <Select
              label={strings.role}
              data={roleChoices}
              allowDeselect={false}
              value={field.value}
              onChange={(value) => {
                if (value) field.onChange(value);
              }}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
      ) : (
        <TextInput label={strings.role} description={strings.roleFixed} value={roleLabels[role]} readOnly />
      )}
      {mode === 'create' ? (
        <PasswordInput
          label={strings.password}
          description={strings.passwordHint}
          autoComplete="new-password"
          error={errors.password?.message}
          {...register('password')}
        />
      ) : null}
      {role === 'doctor' ? <DoctorFields /> : null}
    </Stack>
  );
}
