// The payments domain's public face: Visit accounts, the ledger, the cash drawer, receipts and reports.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createPaymentsService } from './payments.ts';
export { createDrawerService } from './drawer.ts';
export { createReceiptsService } from './receipts.ts';
export { createReportsService } from './reports.ts';
export { moneyOf, openVisitAccount, syncAppointmentPayment } from './ledger.ts';
