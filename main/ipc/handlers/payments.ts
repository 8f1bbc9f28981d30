import type { ChannelName } from '../../../preload/contract.ts';
import { AppError } from '../../services/errors.ts';
import type { HandlerMap } from '../handler-types.ts';

type PaymentsChannels = Extract<ChannelName, `payments.${string}` | `drawer.${string}`>;

const notYet = (): never => {
  throw new AppError('INTERNAL', 'Payments are not ready yet.');
};

export const paymentsHandlers: HandlerMap<PaymentsChannels> = {
  'payments.account': async () => notYet(),
  'payments.list': async () => notYet(),
  'payments.forPatient': async () => notYet(),
  'payments.adjustCharge': async () => notYet(),
  'payments.take': async () => notYet(),
  'payments.refund': async () => notYet(),
  'payments.receiptPdf': async () => notYet(),
  'payments.report': async () => notYet(),
  'payments.reportPdf': async () => notYet(),
  'payments.ledgerCsv': async () => notYet(),
  'drawer.current': async () => notYet(),
  'drawer.open': async () => notYet(),
  'drawer.close': async () => notYet(),
};
