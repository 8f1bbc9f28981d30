import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { normalizePhone } from '#contract/fields.ts';
import { DateField } from '../../ui/DateField.tsx';
import { useSettings } from '../../api/settings.ts';
import { PatientMoreFields } from './PatientMoreFields.tsx';
import { GENDERS, type PatientFormValues } from './patient-form.ts';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.form;
const BELOW_INPUT = ['label', 'input', 'description', 'error'] as const;
const genderChoices = GENDERS.map((gender) => ({ value: gender, label: patientsStrings.genders[gender] ?? gender }));

/**
 * The fields of the register and edit dialogs. Focus starts on the name; the demographics are
 * folded into "More details"; what the clinic requires is marked.
 */
export function PatientFields() {
  const {
    register,
    control,
    setValue,
    formState: { errors },
  } = useFormContext<PatientFormValues>();
  const dateOfBirth = useWatch({ control, name: 'dateOfBirth' });
  const phone = register('phone');
  const email = register('email');
  const required = useSettings().data?.requiredPatientFields ?? [];
  const emailRequired = required.includes('email');

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
          label={strings.phone}
          type="tel"
          autoComplete="off"
          error={errors.phone?.message}
          {...phone}
          onBlur={(event) => {
            // Stored as digits with an optional +, however it was typed.
            const value = event.currentTarget.value;
            if (/^[+\d\s().-]+$/.test(value.trim())) setValue('phone', normalizePhone(value));
            void phone.onBlur(event);
          }}
        />
        <TextInput
          label={strings.email}
          description={emailRequired ? undefined : strings.optional}
          required={emailRequired}
          inputWrapperOrder={[...BELOW_INPUT]}
          type="email"
          autoComplete="off"
          error={errors.email?.message}
          {...email}
          onBlur={(event) => {
            setValue('email', event.currentTarget.value.trim().toLowerCase());
            void email.onBlur(event);
          }}
        />
        <Controller
          control={control}
          name="gender"
          render={({ field, fieldState }) => (
            <Select
              label={strings.gender}
              placeholder={strings.genderPlaceholder}
              required={required.includes('gender')}
              data={genderChoices}
              clearable
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="dateOfBirth"
          render={({ field, fieldState }) => (
            <DateField
              label={strings.dateOfBirth}
              description={strings.dateOfBirthHint}
              inputWrapperOrder={[...BELOW_INPUT]}
              required={required.includes('dateOfBirth')}
              clearable
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="age"
          render={({ field, fieldState }) => (
            <NumberInput
              label={strings.age}
              description={dateOfBirth ? strings.ageFromBirth : strings.ageHint}
              inputWrapperOrder={[...BELOW_INPUT]}
              min={0}
              max={130}
              allowDecimal={false}
              allowNegative={false}
              disabled={Boolean(dateOfBirth)}
              {...field}
              value={dateOfBirth ? '' : field.value}
              error={fieldState.error?.message}
            />
          )}
        />
      </SimpleGrid>
      <Textarea
        label={strings.medicalNotes}
        description={strings.medicalNotesHint}
        inputWrapperOrder={[...BELOW_INPUT]}
        autosize
        minRows={2}
        maxRows={6}
        error={errors.medicalNotes?.message}
        {...register('medicalNotes')}
      />
      <PatientMoreFields required={required} />
    </Stack>
  );
}
