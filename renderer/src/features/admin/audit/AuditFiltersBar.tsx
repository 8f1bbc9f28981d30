import { Button, Group, NumberInput, Select, TextInput } from '@mantine/core';
import type { AuditFilters } from '#contract/operations.ts';
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

export function AuditFiltersBar({ filters, onChange }: Props) {
  const facets = useAuditFacets();
  const users = (facets.data?.users ?? []).map((u) => ({ value: String(u.userId), label: u.name }));
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
        data={facets.data?.actions ?? []}
        searchable
        clearable
        value={filters.action ?? null}
        onChange={(v) => onChange(withValue(filters, 'action', v))}
        w={200}
      />
      <Select
        label={strings.entity}
        placeholder={strings.any}
        data={facets.data?.entities ?? []}
        searchable
        clearable
        value={filters.entity ?? null}
        onChange={(v) => onChange(withValue(filters, 'entity', v))}
        w={180}
      />
      <NumberInput
        label={strings.patientId}
        title={strings.patientHint}
        min={1}
        allowDecimal={false}
        allowNegative={false}
        value={filters.patientId ?? ''}
        onChange={(v) => onChange(withValue(filters, 'patientId', typeof v === 'number' && v > 0 ? v : null))}
        w={150}
      />
      <TextInput
        type="date"
        label={strings.from}
        value={filters.from ?? ''}
        onChange={(e) => onChange(withValue(filters, 'from', e.currentTarget.value))}
      />
      <TextInput
        type="date"
        label={strings.to}
        value={filters.to ?? ''}
        onChange={(e) => onChange(withValue(filters, 'to', e.currentTarget.value))}
      />
      <Button variant="default" onClick={() => onChange({})} disabled={Object.keys(filters).length === 0}>
        {strings.clear}
      </Button>
    </Group>
  );
}
