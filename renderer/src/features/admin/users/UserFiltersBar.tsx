import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { STAFF_ROLES, type StaffRole } from '#contract/fields.ts';
import { roleLabels, statusLabels, type AccountStatus } from '../../../lib/strings.ts';
import { usersStrings } from './strings.ts';
import { ACCOUNT_STATUSES, NO_FILTERS, type UserFilters } from './use-users.ts';

const strings = usersStrings.filters;
const roleChoices = STAFF_ROLES.map((role) => ({ value: role, label: roleLabels[role] }));
const statusChoices = ACCOUNT_STATUSES.map((status) => ({ value: status, label: statusLabels[status] }));

interface UserFiltersBarProps {
  filters: UserFilters;
  onChange: (filters: UserFilters) => void;
}

export function UserFiltersBar({ filters, onChange }: UserFiltersBarProps) {
  const filtered = filters.query !== '' || filters.role !== null || filters.status !== null;
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={strings.label}>
      <TextInput
        label={strings.search}
        placeholder={strings.searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filters.query}
        onChange={(event) => onChange({ ...filters, query: event.currentTarget.value })}
        w={260}
      />
      <Select
        label={strings.role}
        placeholder={strings.allRoles}
        data={roleChoices}
        value={filters.role}
        onChange={(value) => onChange({ ...filters, role: value as StaffRole | null })}
        clearable
        w={180}
      />
      <Select
        label={strings.status}
        placeholder={strings.allStatuses}
        data={statusChoices}
        value={filters.status}
        onChange={(value) => onChange({ ...filters, status: value as AccountStatus | null })}
        clearable
        w={180}
      />
      {filtered ? (
        <Button variant="subtle" onClick={() => onChange(NO_FILTERS)}>
          {strings.clear}
        </Button>
      ) : null}
    </Group>
  );
}
