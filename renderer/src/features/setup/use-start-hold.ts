import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';

/** Whether main started held, waiting for the recovery words of the clinic's encrypted data. */
export function useKeyHold() {
  return useQuery({
    queryKey: ['setup.keyHold'],
    queryFn: () => call('setup.keyHold', {}),
    staleTime: Infinity,
  });
}

/** Whether main started held, waiting for an administrator to confirm updating the clinic server. */
export function useUpgradeHold() {
  return useQuery({
    queryKey: ['setup.upgradeHold'],
    queryFn: () => call('setup.upgradeHold', {}),
    staleTime: Infinity,
  });
}
