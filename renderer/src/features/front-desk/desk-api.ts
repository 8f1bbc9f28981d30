import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { BookingSuggestion } from '#contract/front-desk.ts';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { useClinicEvent } from '../../api/events.ts';
import { scheduleKeys } from '../../api/schedule.ts';
import { patientKeys } from '../patients/index.ts';

export type NextFreeFilter = ChannelInput<'schedule.nextFree'>;

/** Query keys of the front desk: the board, free slots and the waitlist. */
export const deskKeys = {
  all: ['desk'] as const,
  board: (doctorId: number | null, page: number) => ['desk', 'board', { doctorId, page }] as const,
  nextFree: (filter: NextFreeFilter) => ['desk', 'nextFree', filter] as const,
  waitlistMatches: ['desk', 'waitlist', 'matches'] as const,
  waitlist: ['desk', 'waitlist', 'list'] as const,
  suggestion: (patientId: number) => ['desk', 'suggestion', patientId] as const,
};

export function useNextFree(filter: NextFreeFilter | null) {
  return useQuery({
    queryKey: deskKeys.nextFree(filter ?? {}),
    queryFn: () => call('schedule.nextFree', filter ?? {}),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/**
 * The usual doctor and their first free slot for a patient, fetched when the patient is chosen.
 * A suggestion that cannot be had is none: the desk then picks the doctor as before.
 */
export function useFetchBookingSuggestion(): (patientId: number) => Promise<BookingSuggestion | null> {
  const queryClient = useQueryClient();
  return useCallback(
    (patientId: number) =>
      queryClient
        .fetchQuery({
          queryKey: deskKeys.suggestion(patientId),
          queryFn: () => call('appointments.suggestBooking', { patientId }),
          staleTime: 0,
          retry: false,
        })
        .catch(() => null),
    [queryClient],
  );
}

export function useWaitlistMatches(enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.waitlistMatches,
    queryFn: () => call('waitlist.matches', {}),
    enabled,
  });
}

export function useWaitlist(enabled: boolean) {
  return useQuery({ queryKey: deskKeys.waitlist, queryFn: () => call('waitlist.list', {}), enabled });
}

/** After a change made here or at another desk: refetch boards, patients, free slots and calendars. */
export function useRefreshDesk(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: deskKeys.all });
    void queryClient.invalidateQueries({ queryKey: patientKeys.all });
    void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
  }, [queryClient]);
}

/**
 * Changes from other desks, refetched in the background. Dialogs keep what is typed and focus
 * stays where it is, because nothing typed is rebuilt from the refetched data.
 */
export function useDeskLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: deskKeys.all });
    void queryClient.invalidateQueries({ queryKey: patientKeys.all });
  }, [queryClient]);
  useClinicEvent('appointment.changed', refresh);
  useClinicEvent('schedule.changed', refresh);
}
