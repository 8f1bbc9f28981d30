import { PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { STAFF_ROLES } from '#contract/fields.ts';
import { roleLabels } from '../../../lib/strings.ts';
import { DoctorFields } from './DoctorFields.tsx';
import { usersStrings } from './strings.ts';
import type { UserFormValues } from './user-form.ts';

const strings = usersStrings.form;
const roleChoices = STAFF_ROLES.map((role) => ({ value: role, label: roleLabels[role] }));
const BELOW_INPUT = ['label', 'input', 'description', 'error'] as const;

function RoleField({ mode }: { mode: 'create' | 'edit' }) {
  const { control } = useFormContext<UserFormValues>();
  const role = useWatch({ control, name: 'role' });
  if (mode === 'edit') {
    return (
      <TextInput
        label={strings.role}
        description={strings.roleFixed}
        inputWrapperOrder={[...BELOW_INPUT]}
        value={roleLabels[role]}
        readOnly
      />
    );
  }
  return (
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
  );
}

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
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
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
          inputWrapperOrder={[...BELOW_INPUT]}
          type="tel"
          autoComplete="off"
          error={errors.phone?.message}
          {...register('phone')}
        />
        <RoleField mode={mode} />
      </SimpleGrid>
      {mode === 'create' ? (
        <PasswordInput
          label={strings.password}
          description={strings.passwordHint}
          inputWrapperOrder={[...BELOW_INPUT]}
          autoComplete="new-password"
          error={errors.password?.message}
          {...register('password')}
        />
      ) : null}
      {role === 'doctor' ? <DoctorFields /> : null}
    </Stack>
  );
}
