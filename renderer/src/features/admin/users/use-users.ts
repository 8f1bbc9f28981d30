import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '#contract/fields.ts';
import { call } from '../../../api/client.ts';
import { queryKeys, type UserFilter } from '../../../api/query-keys.ts';
import type { AccountStatus } from '../../../lib/strings.ts';
import { readStoredJson, userKey, writeStoredJson } from '../../../lib/storage.ts';

export interface UserFilters {
  query: string;
  role: StaffRole | null;
  status: AccountStatus | null;
}

export const NO_FILTERS: UserFilters = { query: '', role: null, status: null };
export const ACCOUNT_STATUSES: readonly AccountStatus[] = ['active', 'inactive', 'locked'];

function isUserFilters(value: unknown): value is UserFilters {
  if (typeof value !== 'object' || value === null) return false;
  const { query, role, status } = value as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    (role === null || STAFF_ROLES.includes(role as StaffRole)) &&
    (status === null || ACCOUNT_STATUSES.includes(status as AccountStatus))
  );
}

/** The staff filters, remembered per signed-in user. */
export function useStoredUserFilters(userId: number) {
  const key = userKey(userId, 'users-filters');
  const [filters, setFiltersState] = useState<UserFilters>(() => readStoredJson(key, isUserFilters, NO_FILTERS));
  const setFilters = useCallback(
    (next: UserFilters) => {
      setFiltersState(next);
      writeStoredJson(key, next);
    },
    [key],
  );
  return [filters, setFilters] as const;
}

export function useUserList(filters: UserFilters) {
  const [query] = useDebouncedValue(filters.query.trim(), 250);
  const input: UserFilter = {
    ...(query ? { query } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
  return useQuery({
    queryKey: queryKeys.userList(input),
    queryFn: () => call('users.list', input),
    placeholderData: keepPreviousData,
  });
}
