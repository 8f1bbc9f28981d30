import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { useClinicEvent } from '../../api/events.ts';

/** Query keys of the call list. */
export const callListKeys = {
  all: ['callList'] as const,
  day: (date: string | null) => ['callList', 'day', date] as const,
};

/** A day's call list (null: tomorrow, as main counts it); refreshed when any desk marks or books. */
export function useCallList(date: string | null) {
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: callListKeys.all });
  }, [queryClient]);
  useClinicEvent('appointment.changed', refresh);
  return useQuery({
    queryKey: callListKeys.day(date),
    queryFn: () => call('calls.day', date === null ? {} : { date }),
  });
}

export function useMarkCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'calls.mark'>) => call('calls.mark', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: callListKeys.all }),
  });
}
