import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { ChannelInput, ChannelName } from '#contract/index.ts';
import { call } from '../../../api/client.ts';
import { isClinicCallError, messageOf } from '../../../api/errors.ts';
import { downloadText } from '../../../lib/download.ts';
import { exportsStrings as strings } from './strings.ts';

export type ExportChannel = Extract<ChannelName, `exports.${string}`>;

export interface ExportRefusal {
  message: string;
  /** Main's sentences per field (from, to, doctorId), shown under those fields. */
  fields: Readonly<Record<string, string>>;
}

/**
 * Asks main for one export and saves it. `busy` names the export being made, so only its
 * button spins; a refusal is kept for the page to show next to the field it names (or, for a
 * lone button, shown as a notification).
 */
export function useExportDownload({ notifyRefusals = false }: { notifyRefusals?: boolean } = {}) {
  const [busy, setBusy] = useState<ExportChannel | null>(null);
  const [refusal, setRefusal] = useState<ExportRefusal | null>(null);

  const run = useCallback(
    async <C extends ExportChannel>(channel: C, input: ChannelInput<C>): Promise<boolean> => {
      setBusy(channel);
      setRefusal(null);
      try {
        const file = await call(channel, input);
        downloadText(file.fileName, file.content, file.mimeType);
        notifications.show({ color: 'green', message: strings.saved(file.fileName) });
        return true;
      } catch (error) {
        if (notifyRefusals) notifications.show({ color: 'red', message: messageOf(error) });
        else setRefusal({ message: messageOf(error), fields: isClinicCallError(error) ? error.fields : {} });
        return false;
      } finally {
        setBusy(null);
      }
    },
    [notifyRefusals],
  );

  return { busy, refusal, run, clearRefusal: useCallback(() => setRefusal(null), []) };
}
