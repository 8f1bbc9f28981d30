import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconX } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { normalizePhone } from '#contract/fields.ts';
import { ID_KINDS, type RequirablePatientField } from '#contract/patients.ts';
import { LANGUAGE_CODES, languageName } from '#shared/languages.ts';
import { PatientCombobox } from './PatientCombobox.tsx';
import { guardianLabelOf, MORE_DETAIL_FIELDS, type PatientFormValues } from './patient-form.ts';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.demographics;
const BELOW_INPUT = ['label', 'input', 'description', 'error'] as const;
const idKindChoices = ID_KINDS.map((kind) => ({ value: kind, label: strings.idKinds[kind] ?? kind }));

/** Every known language by name, plus the stored one if it carries a region ("fr-CA"). */
function languageChoices(current: string | null) {
  const codes = current && !LANGUAGE_CODES.includes(current) ? [...LANGUAGE_CODES, current] : LANGUAGE_CODES;
  return codes
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function GuardianField() {
  const { control, setValue, formState } = useFormContext<PatientFormValues>();
  const [guardianId, label] = useWatch({ control, name: ['guardianPatientId', 'guardianLabel'] });
  const error = formState.errors.guardianPatientId?.message;
  if (guardianId !== null) {
    return (
      <div>
        <Text size="sm" fw={500}>
          {strings.guardian}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{label}</Text>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={14} aria-hidden />}
            aria-label={strings.removeGuardianLabel(label)}
            onClick={() => {
              setValue('guardianPatientId', null, { shouldDirty: true });
              setValue('guardianLabel', '');
            }}
          >
            {strings.removeGuardian}
          </Button>
        </Group>
        {error ? (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        ) : null}
      </div>
    );
  }
  return (
    <PatientCombobox
      label={strings.guardian}
      description={strings.guardianHint}
      inputWrapperOrder={[...BELOW_INPUT]}
      placeholder={strings.guardianSearch}
      error={error}
      onPick={(patient) => {
        setValue('guardianPatientId', patient.patientId, { shouldDirty: true });
        setValue('guardianLabel', guardianLabelOf(patient));
      }}
    />
  );
}

/**
 * The demographics of the register and edit forms, folded away so registering at the desk
 * stays quick: open when something in it is filled in, required by the clinic, or refused.
 */
export function PatientMoreFields({ required }: { required: readonly RequirablePatientField[] }) {
  const {
    register,
    control,
    setValue,
    getValues,
    formState: { errors },
  } = useFormContext<PatientFormValues>();
  const sectionId = useId();
  const values = useWatch({ control, name: [...MORE_DETAIL_FIELDS] });
  const filled = values.filter((v) => v !== null && v !== '').length;
  const needed = MORE_DETAIL_FIELDS.some((field) => (required as readonly string[]).includes(field));
  const [opened, setOpened] = useState(() => filled > 0);
  const refused = MORE_DETAIL_FIELDS.some((field) => errors[field] !== undefined);
  // Required fields stay in view, and a refused one is shown with its reason.
  const shown = opened || needed || refused;
  const language = getValues('preferredLanguage');
  const languages = useMemo(() => languageChoices(language), [language]);

  const isRequired = (field: string) => (required as readonly string[]).includes(field);
  const text = (field: (typeof MORE_DETAIL_FIELDS)[number] & keyof typeof strings, hint?: string) => (
    <TextInput
      label={strings[field]}
      description={hint}
      inputWrapperOrder={[...BELOW_INPUT]}
      required={isRequired(field)}
      autoComplete="off"
      error={errors[field]?.message}
      {...register(field)}
    />
  );
  const emergencyPhone = register('emergencyPhone');

  return (
    <Stack gap="xs">
      <UnstyledButton type="button" aria-expanded={shown} aria-controls={sectionId} onClick={() => setOpened(!shown)}>
        <Group gap={6} wrap="nowrap">
          {shown ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          <Text size="sm" fw={600}>
            {strings.more}
          </Text>
          <Text size="xs" c="dimmed">
            {filled > 0 ? strings.filled(filled) : strings.moreHint}
          </Text>
        </Group>
      </UnstyledButton>
      {shown ? (
        <Stack id={sectionId} gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {text('addressLine1')}
            {text('addressLine2')}
            {text('city')}
            {text('postcode')}
            {text('country')}
            <Controller
              control={control}
              name="preferredLanguage"
              render={({ field, fieldState }) => (
                <Select
                  label={strings.preferredLanguage}
                  placeholder={strings.languagePlaceholder}
                  nothingFoundMessage={strings.nothingFound}
                  data={languages}
                  searchable
                  clearable
                  required={isRequired('preferredLanguage')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            {text('idNumber')}
            <Controller
              control={control}
              name="idKind"
              render={({ field, fieldState }) => (
                <Select
                  label={strings.idKind}
                  placeholder={strings.idKindPlaceholder}
                  data={idKindChoices}
                  clearable
                  required={isRequired('idKind')}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
            {text('insuranceProvider')}
            {text('insuranceMemberNumber')}
            {text('emergencyName')}
            {text('emergencyRelation', strings.emergencyRelationHint)}
            <TextInput
              label={strings.emergencyPhone}
              type="tel"
              required={isRequired('emergencyPhone')}
              autoComplete="off"
              error={errors.emergencyPhone?.message}
              {...emergencyPhone}
              onBlur={(event) => {
                const value = event.currentTarget.value;
                if (/^[+\d\s().-]+$/.test(value.trim())) setValue('emergencyPhone', normalizePhone(value));
                void emergencyPhone.onBlur(event);
              }}
            />
          </SimpleGrid>
          <GuardianField />
        </Stack>
      ) : null}
    </Stack>
  );
}
