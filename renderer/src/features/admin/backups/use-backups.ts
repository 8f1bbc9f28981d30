import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../../api/client.ts';
import { useClinicEvent } from '../../../api/events.ts';

export const backupKeys = {
  all: ['backups'] as const,
  list: ['backups', 'list'] as const,
  settings: ['backups', 'settings'] as const,
  status: ['backups', 'status'] as const,
};

export function useBackupList() {
  const queryClient = useQueryClient();
  useClinicEvent('backups.changed', () => void queryClient.invalidateQueries({ queryKey: backupKeys.all }));
  return useQuery({ queryKey: backupKeys.list, queryFn: () => call('backups.list', {}) });
}

export function useBackupSettings() {
  return useQuery({ queryKey: backupKeys.settings, queryFn: () => call('backups.getSettings', {}) });
}

export function useBackupStatus(enabled: boolean) {
  return useQuery({
    queryKey: backupKeys.status,
    queryFn: () => call('backups.status', {}),
    enabled,
    refetchInterval: 60 * 60_000,
  });
}

/** Runs a backup now; `percent` follows main's progress events for this run. */
export function useRunBackup() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<{ id: string; percent: number } | null>(null);
  useClinicEvent('backup.progress', ({ runId, percent }) => {
    setRun((current) => (current && current.id === runId ? { id: runId, percent } : current));
  });
  const mutation = useMutation({
    mutationFn: () => {
      const id = crypto.randomUUID();
      setRun({ id, percent: 0 });
      return call('backups.run', { runId: id });
    },
    onSettled: () => {
      setRun(null);
      void queryClient.invalidateQueries({ queryKey: backupKeys.all });
    },
  });
  return { ...mutation, percent: run?.percent ?? null };
}

export function useRestoreBackup() {
  return useMutation({
    mutationFn: (input: ChannelInput<'backups.restore'>) => call('backups.restore', input),
  });
}
