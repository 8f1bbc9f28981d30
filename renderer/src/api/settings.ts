import { useQuery } from '@tanstack/react-query';
import { call } from './client.ts';
import { queryKeys } from './query-keys.ts';

/** The clinic settings; not fetched while the screen is locked (main would refuse). */
export function useSettings(enabled = true) {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: () => call('settings.get', {}),
    enabled,
    staleTime: Infinity,
  });
}
