import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { downloadCsv, downloadPdf } from './download.ts';
import { paymentsStrings } from './strings.ts';

type FileRequest =
  | { kind: 'receipt'; input: ChannelInput<'payments.receiptPdf'> }
  | { kind: 'report'; input: ChannelInput<'payments.reportPdf'> }
  | { kind: 'csv'; input: ChannelInput<'payments.ledgerCsv'> };

async function fetchAndSave(request: FileRequest): Promise<string> {
  if (request.kind === 'csv') {
    const file = await call('payments.ledgerCsv', request.input);
    downloadCsv(file.fileName, file.csv);
    return file.fileName;
  }
  const file =
    request.kind === 'receipt'
      ? await call('payments.receiptPdf', request.input)
      : await call('payments.reportPdf', request.input);
  downloadPdf(file.fileName, file.pdfBase64);
  return file.fileName;
}

/**
 * Receipts, the report PDF and the ledger CSV: made in main, saved through the browser's download
 * (the desktop app asks where). `busy` names the request being made, so only its button spins.
 */
export function useFiles() {
  const [busy, setBusy] = useState<string | null>(null);
  const save = useCallback(async (key: string, request: FileRequest): Promise<boolean> => {
    setBusy(key);
    try {
      const fileName = await fetchAndSave(request);
      notifications.show({ color: 'green', message: paymentsStrings.report.saved(fileName) });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
      return false;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, save };
}
