import { Fieldset, NumberInput, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useSettings } from '../../../api/settings.ts';
import { usersStrings } from './strings.ts';
import type { UserFormValues } from './user-form.ts';

const strings = usersStrings.form;
const BELOW_INPUT = ['label', 'input', 'description', 'error'] as const;

export function DoctorFields() {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<UserFormValues>();
  const currency = useSettings().data?.currency;
  const doctorErrors = errors.doctor;

  return (
    <Fieldset legend={strings.doctorSection}>
      <Stack>
        <TextInput
          label={strings.specialization}
          error={doctorErrors?.specialization?.message}
          {...register('doctor.specialization')}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <Controller
            control={control}
            name="doctor.experienceYears"
            render={({ field, fieldState }) => (
              <NumberInput
                label={strings.experienceYears}
                min={0}
                max={80}
                allowDecimal={false}
                allowNegative={false}
                inputWrapperOrder={[...BELOW_INPUT]}
                {...field}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="doctor.consultationFee"
            render={({ field, fieldState }) => (
              <NumberInput
                label={strings.consultationFee}
                description={currency ? strings.feeHint(currency) : undefined}
                min={0}
                decimalScale={2}
                allowNegative={false}
                hideControls
                inputWrapperOrder={[...BELOW_INPUT]}
                {...field}
                error={fieldState.error?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="doctor.rating"
            render={({ field, fieldState }) => (
              <NumberInput
                label={strings.rating}
                description={strings.ratingHint}
                min={0}
                max={5}
                step={0.5}
                decimalScale={1}
                allowNegative={false}
                inputWrapperOrder={[...BELOW_INPUT]}
                {...field}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
        <Textarea
          label={strings.about}
          description={strings.aboutHint}
          autosize
          minRows={2}
          maxRows={6}
          error={doctorErrors?.about?.message}
          {...register('doctor.about')}
        />
        <Controller
          control={control}
          name="doctor.isAvailable"
          render={({ field: { value, onChange, ...field }, fieldState }) => (
            <Switch
              label={strings.takesBookings}
              checked={value}
              onChange={(event) => onChange(event.currentTarget.checked)}
              {...field}
              error={fieldState.error?.message}
            />
          )}
        />
      </Stack>
    </Fieldset>
  );
}
