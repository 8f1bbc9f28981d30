import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** Query keys of the patients area; everything under 'patients' refetches when an appointment changes. */
export const patientKeys = {
  all: ['patients'] as const,
  search: (query: string, limit: number) => ['patients', 'search', query, limit] as const,
  one: (patientId: number) => ['patients', 'one', patientId] as const,
};

/**
 * Patients matching what is typed, asked at every keystroke (no waiting before the call).
 * Each text is its own query, so an answer can only show while its text is the one typed:
 * a slow answer to "ann" that arrives after "anna" was answered is never shown over it. While
 * the newest answer is on its way, the last one shown stays, so the list never flashes empty.
 */
export function usePatientSearch(typed: string, limit = 8) {
  const query = typed.trim();
  return useQuery({
    queryKey: patientKeys.search(query, limit),
    queryFn: () => call('patients.search', { query, limit }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function usePatient(patientId: number | null) {
  return useQuery({
    queryKey: patientKeys.one(patientId ?? 0),
    queryFn: () => call('patients.get', { patientId: patientId ?? 0 }),
    enabled: patientId !== null,
  });
}
