import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** Query keys of the patients area; everything under 'patients' refetches when an appointment changes. */
export const patientKeys = {
  all: ['patients'] as const,
  search: (query: string, limit: number) => ['patients', 'search', query, limit] as const,
  one: (patientId: number) => ['patients', 'one', patientId] as const,
};

export const SEARCH_DEBOUNCE_MS = 120;

/**
 * Patients matching what is typed, debounced; the previous results stay on screen while the
 * next ones load, so the list never flashes empty between keystrokes.
 */
export function usePatientSearch(typed: string, limit = 8) {
  const [query] = useDebouncedValue(typed.trim(), SEARCH_DEBOUNCE_MS);
  const result = useQuery({
    queryKey: patientKeys.search(query, limit),
    queryFn: () => call('patients.search', { query, limit }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
  return { ...result, query, settled: query === typed.trim() && !result.isFetching };
}

export function usePatient(patientId: number | null) {
  return useQuery({
    queryKey: patientKeys.one(patientId ?? 0),
    queryFn: () => call('patients.get', { patientId: patientId ?? 0 }),
    enabled: patientId !== null,
  });
}
