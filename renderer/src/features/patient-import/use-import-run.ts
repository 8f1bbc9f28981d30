import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { useClinicEvent } from '../../api/events.ts';

type RunInput = Omit<ChannelInput<'imports.run'>, 'runId'>;

/** The import itself: its progress (from main's events), and a cancel that stops it between batches. */
export function useImportRun() {
  const [run, setRun] = useState<{ id: string; done: number; total: number; cancelling: boolean } | null>(null);
  useClinicEvent('imports.progress', ({ runId, done, total }) => {
    setRun((current) => (current && current.id === runId ? { ...current, done, total } : current));
  });
  const mutation = useMutation({
    mutationFn: (input: RunInput & { total: number }) => {
      const id = crypto.randomUUID();
      const { total, ...rest } = input;
      setRun({ id, done: 0, total, cancelling: false });
      return call('imports.run', { ...rest, runId: id });
    },
    onSettled: () => setRun(null),
  });
  async function cancel(): Promise<void> {
    if (!run) return;
    setRun({ ...run, cancelling: true });
    await call('imports.cancel', { runId: run.id });
  }
  return { run, cancel, start: mutation.mutate, result: mutation.data, error: mutation.error, reset: mutation.reset };
}
