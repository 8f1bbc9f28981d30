import { QueryClient } from '@tanstack/react-query';
import { isClinicCallError } from '../api/errors.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal from main will not change on retry; a transport hiccup might.
        retry: (failures, error) => !isClinicCallError(error) && failures < 2,
        // Changes from other desks arrive as events; refetching on focus would only add noise.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
