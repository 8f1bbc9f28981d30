import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Session } from '#contract/index.ts';
import { call } from './client.ts';
import { keptAfterSignOut, queryKeys } from './query-keys.ts';

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.setupStatus, queryFn: () => call('setup.status', {}), staleTime: Infinity });
}

/** This window's session: null when nobody is signed in. Changed only through useSessionUpdater. */
export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: () => call('auth.session', {}), staleTime: Infinity });
}

/** Local changes to the session, made after main has said what happened. */
export function useSessionUpdater() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const setSession = useCallback(
    (session: Session | null) => queryClient.setQueryData<Session | null>(queryKeys.session, session),
    [queryClient],
  );

  const markLocked = useCallback(
    () => queryClient.setQueryData<Session | null>(queryKeys.session, (old) => (old ? { ...old, locked: true } : old)),
    [queryClient],
  );

  const clearSession = useCallback(() => {
    queryClient.setQueryData<Session | null>(queryKeys.session, null);
    queryClient.removeQueries({ predicate: (query) => !keptAfterSignOut.includes(String(query.queryKey[0])) });
    void navigate('/', { replace: true });
  }, [queryClient, navigate]);

  return useMemo(() => ({ setSession, markLocked, clearSession }), [setSession, markLocked, clearSession]);
}
