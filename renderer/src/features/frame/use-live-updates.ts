import { useQueryClient } from '@tanstack/react-query';
import { useClinicEvent } from '../../api/events.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useMessagesLiveUpdates } from '../messages/index.ts';
import { usePaymentsLiveUpdates } from '../payments/index.ts';

/** Changes made at other desks, applied without a reload (forms keep what is being typed). */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();

  useClinicEvent('settings.changed', (settings) => {
    queryClient.setQueryData(queryKeys.settings, settings);
    queryClient.setQueryData(queryKeys.setupStatus, { needsSetup: false, clinicName: settings.clinicName });
  });

  useClinicEvent('users.changed', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.users });
  });

  useMessagesLiveUpdates();

  usePaymentsLiveUpdates();
}
