import { Button, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AuditFilters } from '#contract/operations.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { PatientCombobox } from '../../patients/index.ts';
import { actionWords, entityWords } from './audit-words.ts';
import { auditStrings as strings } from './strings.ts';
import { useAuditFacets } from './use-audit.ts';

interface Props {
  filters: AuditFilters;
  onChange: (next: AuditFilters) => void;
}

function withValue<K extends keyof AuditFilters>(filters: AuditFilters, key: K, value: AuditFilters[K] | null) {
  const next = { ...filters };
  if (value === null || value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}

/** The chosen patient by name, with a button to clear it; or the picker to choose one. */
function PatientFilter({ filters, onChange }: Props) {
  const [name, setName] = useState('');
  if (filters.patientId !== undefined) {
    return (
      <TextInput
        label={strings.patient}
        value={name}
        readOnly
        w={220}
        rightSection={
          <CloseButton
            aria-label={strings.clearPatient(name)}
            onClick={() => onChange(withValue(filters, 'patientId', null))}
          />
        }
      />
    );
  }
  return (
    <PatientCombobox
      label={strings.patient}
      placeholder={strings.patientPlaceholder}
      clearOnPick
      w={220}
      onPick={(patient) => {
        setName(patient.name);
        onChange(withValue(filters, 'patientId', patient.patientId));
      }}
    />
  );
}

export function AuditFiltersBar({ filters, onChange }: Props) {
  const facets = useAuditFacets();
  const users = (facets.data?.users ?? []).map((u) => ({ value: String(u.userId), label: u.name }));
  const actions = (facets.data?.actions ?? []).map((a) => ({ value: a, label: actionWords(a) }));
  const entities = (facets.data?.entities ?? []).map((e) => ({ value: e, label: entityWords(e) }));
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={strings.filters}>
      <Select
        label={strings.user}
        placeholder={strings.any}
        data={users}
        searchable
        clearable
        value={filters.userId === undefined ? null : String(filters.userId)}
        onChange={(v) => onChange(withValue(filters, 'userId', v === null ? null : Number(v)))}
        w={200}
      />
      <Select
        label={strings.action}
        placeholder={strings.any}
        data={actions}
        searchable
        clearable
        value={filters.action ?? null}
        onChange={(v) => onChange(withValue(filters, 'action', v))}
        w={240}
      />
      <Select
        label={strings.entity}
        placeholder={strings.any}
        data={entities}
        searchable
        clearable
        value={filters.entity ?? null}
        onChange={(v) => onChange(withValue(filters, 'entity', v))}
        w={180}
      />
      <PatientFilter filters={filters} onChange={onChange} />
      <DateField
        label={strings.from}
        value={filters.from ?? null}
        onChange={(v) => onChange(withValue(filters, 'from', v))}
        clearable
        w={170}
      />
      <DateField
        label={strings.to}
        value={filters.to ?? null}
        onChange={(v) => onChange(withValue(filters, 'to', v))}
        clearable
        w={170}
      />
      <Button variant="default" onClick={() => onChange({})} disabled={Object.keys(filters).length === 0}>
        {strings.clear}
      </Button>
    </Group>
  );
}
