import { Combobox, Group, Loader, Text, TextInput, useCombobox, type TextInputProps } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useEffectEvent, useState, type Ref } from 'react';
import type { PatientSearchResult } from '#contract/patients.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { birthText } from './birth.ts';
import { usePatientSearch } from './patient-api.ts';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.search;
const matchedStrings = patientsStrings.demographics;

/** The card number the search matched, so the desk sees why this patient is listed. */
const matchedText = ({ matchedIdentifier: matched }: PatientSearchResult): string | null =>
  matched
    ? matched.kind === 'idNumber'
      ? matchedStrings.matchedIdNumber(matched.value)
      : matchedStrings.matchedInsurance(matched.value)
    : null;
const REGISTER = '__register';

function PatientOption({ patient }: { patient: PatientSearchResult }) {
  const format = useDeskFormat();
  const next = patient.nextAppointment;
  const details = [
    patient.patientNumber,
    matchedText(patient),
    patient.phone,
    birthText(patient),
    patient.lastVisit ? strings.optionLastVisit(format.date(patient.lastVisit)) : null,
    next ? strings.optionNext(format.when(next.date, next.time)) : null,
  ];
  return (
    <div>
      <Text size="sm" fw={600}>
        {patient.name}
      </Text>
      <Text size="xs" c="dimmed">
        {details.filter((part) => part !== null).join(' · ')}
      </Text>
    </div>
  );
}

interface PatientComboboxProps extends Omit<TextInputProps, 'value' | 'onChange' | 'ref'> {
  label?: string;
  onPick: (patient: PatientSearchResult) => void;
  /** "Register new patient", pre-filled with what was typed; absent for roles that cannot register. */
  onRegister?: (typed: string) => void;
  /** Empty the field after a choice (the top bar's search does; a form's picker does not need to). */
  clearOnPick?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Search-or-create: results as you type (asked at each keystroke, previous results kept while loading),
 * arrows + Enter choose one, and the last option registers a new patient with what was typed.
 */
export function PatientCombobox({
  label,
  onPick,
  onRegister,
  clearOnPick,
  inputRef,
  ...inputProps
}: PatientComboboxProps) {
  const [typed, setTyped] = useState('');
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const search = usePatientSearch(typed);
  const trimmed = typed.trim();
  const results = trimmed && search.data ? search.data : [];
  const resultKey = results.map((patient) => patient.patientId).join(',');

  // The best match is selected as results arrive, so Enter opens it at once.
  const selectFirst = useEffectEvent(() => {
    if (combobox.dropdownOpened) combobox.selectFirstOption();
  });

  const submit = (value: string) => {
    combobox.closeDropdown();
    if (value === REGISTER) {
      onRegister?.(trimmed);
      if (clearOnPick) setTyped('');
      return;
    }
    const patient = results.find((candidate) => String(candidate.patientId) === value);
    if (!patient) return;
    if (clearOnPick) setTyped('');
    onPick(patient);
  };

  // Until the answer to this very text arrives, the list shown is the previous text's.
  const loading = trimmed !== '' && (search.isFetching || search.isPlaceholderData);
  const showEmpty = trimmed !== '' && !loading && results.length === 0;
  useEffect(() => selectFirst(), [resultKey, trimmed, loading]);

  return (
    <Combobox store={combobox} onOptionSubmit={submit} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          {...inputProps}
          ref={inputRef}
          label={label}
          value={typed}
          autoComplete="off"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={loading ? <Loader size={14} aria-hidden /> : inputProps.rightSection}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => {
            if (trimmed) combobox.openDropdown();
          }}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={trimmed === ''}>
        <Combobox.Options aria-label={strings.resultsLabel} mah={360} style={{ overflowY: 'auto' }}>
          {results.map((patient) => (
            <Combobox.Option key={patient.patientId} value={String(patient.patientId)}>
              <PatientOption patient={patient} />
            </Combobox.Option>
          ))}
          {showEmpty ? <Combobox.Empty>{strings.noMatch(trimmed)}</Combobox.Empty> : null}
          {onRegister && trimmed !== '' && !loading ? (
            <Combobox.Option value={REGISTER}>
              <Group gap="xs" wrap="nowrap">
                <IconUserPlus size={16} aria-hidden />
                <Text size="sm">{strings.register(trimmed)}</Text>
              </Group>
            </Combobox.Option>
          ) : null}
          {loading && results.length === 0 ? <Combobox.Empty>{strings.loading}</Combobox.Empty> : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
