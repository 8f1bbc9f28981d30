import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { ChannelInput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { printPdf, type PrintOutcome } from '../../lib/print-pdf.ts';
import { downloadCsv, downloadPdf } from './download.ts';
import { paymentsStrings } from './strings.ts';

const printMessages: Record<PrintOutcome, (fileName: string) => string> = {
  printed: () => paymentsStrings.printing.printed,
  cancelled: () => paymentsStrings.printing.cancelled,
  saved: (fileName) => paymentsStrings.printing.saved(fileName),
};

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

/** Prints a receipt (on this PC's receipt paper) or the report; says what happened. */
async function fetchAndPrint(request: Exclude<FileRequest, { kind: 'csv' }>): Promise<string> {
  const settings = await call('printing.settings', {});
  const file =
    request.kind === 'receipt'
      ? await call('payments.receiptPdf', { ...request.input, paper: settings.receiptPaper })
      : await call('payments.reportPdf', request.input);
  const outcome = await printPdf(file, request.kind === 'receipt' ? settings.receiptPaper : 'a4', settings.canPrint);
  return printMessages[outcome](file.fileName);
}

/**
 * Receipts, the report PDF and the ledger CSV: made in main, saved through the browser's download
 * (the desktop app asks where), or printed. `busy` names the request being made, so only its
 * button spins.
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
  const print = useCallback(async (key: string, request: Exclude<FileRequest, { kind: 'csv' }>): Promise<boolean> => {
    setBusy(key);
    try {
      notifications.show({ color: 'green', message: await fetchAndPrint(request) });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
      return false;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, save, print };
}
