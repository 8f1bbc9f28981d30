import { Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { ChoiceSelectField } from '../../../ui/ChoiceSelectField.tsx';
import { currencyChoices, timeZoneChoices } from '../../../lib/choices.ts';
import { REQUIRABLE_PATIENT_FIELDS } from '#contract/patients.ts';
import type { SettingsFormValues } from './settings-form.ts';
import { settingsStrings as strings } from './strings.ts';

const BELOW_INPUT = ['label', 'input', 'description', 'error'] as const;

export function SettingsFields({ currentTimeZone }: { currentTimeZone: string }) {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<SettingsFormValues>();
  const timeZones = useMemo(() => timeZoneChoices(currentTimeZone), [currentTimeZone]);
  const currencies = useMemo(() => currencyChoices(), []);

  return (
    <Stack>
      <TextInput label={strings.clinicName} error={errors.clinicName?.message} {...register('clinicName')} />
      <TextInput
        label={strings.address}
        description={strings.addressHint}
        error={errors.clinicAddress?.message}
        {...register('clinicAddress')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['timeZone', 'currency'] as const).map((name) => (
          <ChoiceSelectField
            key={name}
            control={control}
            name={name}
            label={strings[name]}
            data={name === 'timeZone' ? timeZones : currencies}
            nothingFoundMessage={strings.nothingFound}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(
          [
            ['defaultSlotMinutes', strings.slotMinutes, strings.slotHint, 240],
            ['idleLockMinutes', strings.idleMinutes, strings.idleHint, 240],
            ['scheduleHorizonWeeks', strings.horizonWeeks, strings.horizonHint, 104],
            ['likelyNoShowMinutes', strings.likelyNoShowMinutes, strings.likelyNoShowHint, 480],
          ] as const
        ).map(([name, label, hint, max]) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field, fieldState }) => (
              <NumberInput
                label={label}
                description={hint}
                min={1}
                max={max}
                allowDecimal={false}
                allowNegative={false}
                inputWrapperOrder={[...BELOW_INPUT]}
                {...field}
                error={fieldState.error?.message}
              />
            )}
          />
        ))}
      </SimpleGrid>
      <Controller
        control={control}
        name="refundApprovalThreshold"
        render={({ field, fieldState }) => (
          <NumberInput
            label={strings.refundThreshold}
            description={strings.refundThresholdHint}
            min={0}
            decimalScale={3}
            allowNegative={false}
            inputWrapperOrder={[...BELOW_INPUT]}
            {...field}
            error={fieldState.error?.message}
          />
        )}
      />
      <Controller
        control={control}
        name="timeFormat"
        render={({ field, fieldState }) => (
          <Radio.Group
            label={strings.timeFormat}
            value={field.value}
            onChange={(value) => field.onChange(value)}
            error={fieldState.error?.message}
          >
            <Group mt="xs">
              <Radio value="24h" label={strings.time24} />
              <Radio value="12h" label={strings.time12} />
            </Group>
          </Radio.Group>
        )}
      />
      <Controller
        control={control}
        name="requiredPatientFields"
        render={({ field, fieldState }) => (
          <Checkbox.Group
            label={strings.requiredPatientFields}
            description={strings.requiredPatientFieldsHint}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt="xs">
              {REQUIRABLE_PATIENT_FIELDS.map((name) => (
                <Checkbox key={name} value={name} label={strings.patientFields[name]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
      />
    </Stack>
  );
}
