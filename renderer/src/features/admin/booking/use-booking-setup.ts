import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { call } from '../../../api/client.ts';
import { isClinicCallError, messageOf } from '../../../api/errors.ts';

export const bookingSetupKeys = {
  types: ['appointmentTypes', 'list', 'all'] as const,
  resources: ['resources', 'list', 'all'] as const,
};

export const useAllTypes = () =>
  useQuery({
    queryKey: bookingSetupKeys.types,
    queryFn: () => call('types.list', { includeInactive: true }),
  });

export const useAllResources = () =>
  useQuery({ queryKey: bookingSetupKeys.resources, queryFn: () => call('resources.list', { includeInactive: true }) });

export const useDoctorsToChoose = () =>
  useQuery({ queryKey: ['doctors', 'list', {}], queryFn: () => call('doctors.list', {}) });

/** Every list of types and rooms (the admin's and the booking dialog's) reads again. */
export function useRefreshBookingSetup(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['appointmentTypes'] });
    void queryClient.invalidateQueries({ queryKey: ['resources'] });
  }, [queryClient]);
}

export type FieldErrors = Record<string, string>;

/** A form's own check (the contract's schema) as one sentence per top-level field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Main's refusal: its field sentences, or the whole sentence above the form. */
export function serverErrorsOf(error: unknown): FieldErrors {
  if (isClinicCallError(error) && Object.keys(error.fields).length > 0) return { ...error.fields };
  return { form: messageOf(error) };
}
