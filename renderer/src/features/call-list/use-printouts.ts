import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { printPdf, type PrintOutcome } from '../../lib/print-pdf.ts';
import { callListStrings } from './strings.ts';

const strings = callListStrings.printouts;

const outcomeMessages: Record<PrintOutcome, (fileName: string) => string> = {
  printed: () => strings.printed,
  cancelled: () => strings.cancelled,
  saved: (fileName) => strings.saved(fileName),
};

type Printout =
  { kind: 'dayList'; date: string; doctorId?: number | undefined } | { kind: 'card'; appointmentId: number };

/**
 * The day list (A4) and the appointment card, made in main and printed on this PC's printer
 * (in the web shell: saved for the browser to print). `busy` is true while one is being made.
 */
export function usePrintouts() {
  const [busy, setBusy] = useState(false);
  const print = useCallback(async (printout: Printout) => {
    setBusy(true);
    try {
      const settings = await call('printing.settings', {});
      const file =
        printout.kind === 'card'
          ? await call('printouts.appointmentCard', { appointmentId: printout.appointmentId })
          : await call('printouts.dayList', {
              date: printout.date,
              ...(printout.doctorId === undefined ? {} : { doctorId: printout.doctorId }),
            });
      const outcome = await printPdf(file, printout.kind === 'card' ? 'a5' : 'a4', settings.canPrint);
      notifications.show({ color: 'green', message: outcomeMessages[outcome](file.fileName) });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, print };
}
