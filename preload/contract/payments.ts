import { z } from 'zod';
import { amountProblemSentence, amountShapeProblem } from '#shared/money.ts';
import { ADMIN, channel, DESK, roleMayUse } from './channel.ts';
import { APPOINTMENT_STATUSES, LEDGER_KINDS, PAYMENT_METHODS, PAYMENT_STATUSES } from '#shared/statuses.ts';
import {
  boundedRange,
  dateSchema,
  idSchema,
  optionalTextSchema,
  orderedRange,
  reasonSchema,
  searchQuerySchema,
  type StaffRole,
} from './fields.ts';

// Payments: the ledger behind each appointment's payments row, receipts, the cash drawer and
// the day-end report. Amounts go IN as decimal strings in major units ("12.50"); they come OUT
// as integers in minor units (cents) with the clinic's `currency` and `minorDigits`, so the
// window formats them exactly and never does arithmetic on floats.

const DESK_AND_DOCTOR = ['admin', 'receptionist', 'doctor'] as const;

// The lists themselves are the shared kernel's; the contract passes them on to the window.
export { LEDGER_KINDS, PAYMENT_METHODS, PAYMENT_STATUSES } from '#shared/statuses.ts';
export type { LedgerKind, PaymentMethod, PaymentStatus } from '#shared/statuses.ts';

/** The shape of an amount as typed (#shared/money.ts); the service checks the decimals against the currency. */
export const amountSchema = (label: string) =>
  z
    .string({ error: amountProblemSentence('shape', 2, label) })
    .trim()
    .superRefine((text, ctx) => {
      const problem = amountShapeProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: amountProblemSentence(problem, 2, label) });
    });

export const paymentMethodSchema = z.enum(PAYMENT_METHODS, {
  error: 'Choose a payment method: cash, card, mobile money, insurance, bank transfer or other.',
});

const moneyFields = {
  /** ISO 4217 code of the clinic's currency, e.g. USD. */
  currency: z.string(),
  /** How many decimals the currency has: 0 (JPY), 2 (USD), 3 (KWD). */
  minorDigits: z.number(),
};

export const ledgerEntrySchema = z.object({
  entryId: z.number(),
  kind: z.enum(LEDGER_KINDS),
  /** Charges and payments and refunds are positive; an adjustment is the signed change of the charge. */
  amountMinor: z.number(),
  method: z.enum(PAYMENT_METHODS).nullable(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  receiptNumber: z.number().nullable(),
  /** UTC ISO instant. */
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const accountSummarySchema = z.object({
  paymentId: z.number(),
  appointmentId: z.number(),
  patient: z.object({ patientId: z.number(), patientNumber: z.string(), name: z.string() }),
  doctor: z.object({ doctorId: z.number(), name: z.string() }),
  date: z.string(),
  time: z.string(),
  appointmentStatus: z.enum(APPOINTMENT_STATUSES),
  ...moneyFields,
  /** What is owed in total: the first charge plus every adjustment. */
  chargeMinor: z.number(),
  paidMinor: z.number(),
  refundedMinor: z.number(),
  /** charge − (paid − refunded); never negative. */
  balanceMinor: z.number(),
  status: z.enum(PAYMENT_STATUSES),
  /** The doctor's current consultation fee, to offer when the charge is changed back. */
  feeDefaultMinor: z.number(),
  /** The method of the last payment, if any. */
  lastMethod: z.enum(PAYMENT_METHODS).nullable(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountSchema = accountSummarySchema.extend({ entries: z.array(ledgerEntrySchema) });
export type Account = z.infer<typeof accountSchema>;

export const moneyMovementSchema = z.object({
  account: accountSchema,
  receiptNumber: z.number(),
  entryId: z.number(),
});

export const drawerSessionSchema = z.object({
  sessionId: z.number(),
  ...moneyFields,
  openedAt: z.string(),
  openedBy: z.string().nullable(),
  floatMinor: z.number(),
  /** Cash payments taken while the drawer was open. */
  cashInMinor: z.number(),
  /** Cash refunds paid out while the drawer was open. */
  cashOutMinor: z.number(),
  /** float + cash in − cash out (so far, while open; at closing, once closed). */
  expectedMinor: z.number(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  countedMinor: z.number().nullable(),
  /** counted − expected: negative when cash is missing. */
  differenceMinor: z.number().nullable(),
  note: z.string().nullable(),
});
export type DrawerSession = z.infer<typeof drawerSessionSchema>;

const methodTotalSchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  collectedMinor: z.number(),
  refundedMinor: z.number(),
  netMinor: z.number(),
  count: z.number(),
});

const doctorTotalSchema = z.object({
  doctorId: z.number(),
  doctorName: z.string(),
  chargedMinor: z.number(),
  collectedMinor: z.number(),
  refundedMinor: z.number(),
  discountsMinor: z.number(),
  netMinor: z.number(),
});

const dayTotalSchema = z.object({
  date: z.string(),
  chargedMinor: z.number(),
  collectedMinor: z.number(),
  refundedMinor: z.number(),
  netMinor: z.number(),
});

export const paymentReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  ...moneyFields,
  /** Set when a doctor asked: the report covers only them. */
  doctorId: z.number().nullable(),
  totals: z.object({
    /** Charges plus every adjustment made in the range (net of discounts). */
    chargedMinor: z.number(),
    /** Payments taken in the range. */
    collectedMinor: z.number(),
    /** Refunds paid out in the range. */
    refundedMinor: z.number(),
    /** Reductions of charges (discounts, waivers) in the range, as a positive number. */
    discountsMinor: z.number(),
    /** collected − refunded. */
    netMinor: z.number(),
  }),
  byMethod: z.array(methodTotalSchema),
  byDoctor: z.array(doctorTotalSchema),
  /** One row per day of the range, for the chart. */
  byDay: z.array(dayTotalSchema),
  /** Completed visits in the range (by appointment date) that still owe money. */
  unpaidCompleted: z.array(accountSummarySchema),
  /** Drawer sessions opened in the range (empty for doctors). */
  drawerSessions: z.array(drawerSessionSchema),
});
export type PaymentReport = z.infer<typeof paymentReportSchema>;

const pdfSchema = z.object({ fileName: z.string(), pdfBase64: z.string() });

/** A receipt on A5 paper, or on an 80 mm receipt printer's roll (as long as the receipt). */
export const receiptPaperSchema = z.enum(['a5', 'roll80'], { error: 'Choose A5 paper or an 80 mm roll.' });

/**
 * One payment's receipt (entryId) or a statement of a whole appointment (appointmentId), never
 * both. One object rather than a union, so a wrong paper is refused by its own field's name.
 */
const receiptRequestSchema = z
  .object({ entryId: idSchema.optional(), appointmentId: idSchema.optional(), paper: receiptPaperSchema.optional() })
  .strict()
  .refine((request) => (request.entryId === undefined) !== (request.appointmentId === undefined), {
    path: ['entryId'],
    message: 'Choose a payment or an appointment.',
  })
  .transform(({ entryId, appointmentId, paper }) =>
    // The refinement above leaves exactly one of the two ids.
    entryId === undefined ? { appointmentId: appointmentId as number, paper } : { entryId, paper },
  );
export type ReceiptPaper = z.infer<typeof receiptPaperSchema>;

/**
 * Who may refund past the clinic's refund limit (Settings → refund approval limit); the limit
 * counts everything refunded on one visit, so it cannot be split into small refunds.
 */
export const REFUND_ABOVE_LIMIT_ROLES = ADMIN;
export const mayRefundAboveLimit = (role: StaffRole): boolean => roleMayUse(REFUND_ABOVE_LIMIT_ROLES, role);

export const paymentsChannels = {
  'payments.account': channel({
    description: 'An appointment’s charge, payments, refunds and balance with every ledger entry.',
    access: DESK_AND_DOCTOR,
    input: z.object({ appointmentId: idSchema }),
    output: accountSchema,
  }),
  'payments.list': channel({
    description: 'Appointments’ payment summaries between two dates (a doctor sees only their own).',
    access: DESK_AND_DOCTOR,
    input: z
      .object({
        from: dateSchema,
        to: dateSchema,
        status: z.enum(PAYMENT_STATUSES, { error: 'Choose a payment status.' }).optional(),
        doctorId: idSchema.optional(),
        query: searchQuerySchema.optional(),
      })
      .superRefine(orderedRange),
    output: z.object({ rows: z.array(accountSummarySchema), truncated: z.boolean() }),
  }),
  'payments.forPatient': channel({
    description: 'A patient’s payment summaries, newest first (a doctor sees only their own appointments).',
    access: DESK_AND_DOCTOR,
    input: z.object({ patientId: idSchema }),
    output: z.array(accountSummarySchema),
  }),
  'payments.adjustCharge': channel({
    description: 'Changes what an appointment costs (discount, waiver) with a reason; audited.',
    access: DESK,
    input: z.object({
      appointmentId: idSchema,
      /** The new total charge, in major units. "0" waives it. */
      amount: z
        .string({ error: 'Enter the new charge as a number, for example 12.50.' })
        .trim()
        .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter the new charge as a number, for example 12.50.'),
      reason: reasonSchema('reason for the change'),
    }),
    output: accountSchema,
  }),
  'payments.take': channel({
    description: 'Records money received for an appointment (partial payments allowed) and issues a receipt.',
    access: DESK,
    input: z.object({
      appointmentId: idSchema,
      amount: amountSchema('amount'),
      method: paymentMethodSchema,
      reference: optionalTextSchema(120, 'reference'),
    }),
    output: moneyMovementSchema,
  }),
  'payments.refund': channel({
    description: 'Pays money back with a reason, as a new reversing entry; large refunds need an admin.',
    access: DESK,
    input: z.object({
      appointmentId: idSchema,
      amount: amountSchema('amount'),
      method: paymentMethodSchema,
      reason: reasonSchema('reason for the refund'),
    }),
    output: moneyMovementSchema,
  }),
  'payments.receiptPdf': channel({
    description:
      'A receipt as PDF: for one payment or refund (a reprint keeps its number, marked Copy), or a statement of a whole appointment (a new number each time).',
    access: DESK,
    input: receiptRequestSchema,
    output: pdfSchema.extend({ receiptNumber: z.number() }),
  }),
  'payments.report': channel({
    description: 'Totals per method, per doctor and per day, refunds, discounts and unpaid visits for a date range.',
    access: DESK_AND_DOCTOR,
    input: z.object({ from: dateSchema, to: dateSchema, doctorId: idSchema.optional() }).superRefine(boundedRange),
    output: paymentReportSchema,
  }),
  'payments.reportPdf': channel({
    description: 'The day-end (or date-range) report as a printable PDF.',
    access: DESK_AND_DOCTOR,
    input: z.object({ from: dateSchema, to: dateSchema, doctorId: idSchema.optional() }).superRefine(boundedRange),
    output: pdfSchema,
  }),
  'payments.ledgerCsv': channel({
    description: 'Every ledger entry in a date range as CSV for the accountant.',
    access: DESK,
    input: z
      .object({
        from: dateSchema,
        to: dateSchema,
        /** Start the file with a UTF-8 byte order mark, so spreadsheet programs read accents right. */
        bom: z.boolean().optional(),
      })
      .superRefine(boundedRange),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'drawer.current': channel({
    description: 'The open cash drawer session with the cash expected so far, or null.',
    access: DESK,
    input: z.object({}),
    output: drawerSessionSchema.nullable(),
  }),
  'drawer.open': channel({
    description: 'Opens the cash drawer with a float; only one can be open for the clinic.',
    access: DESK,
    input: z.object({ float: amountSchema('float') }),
    output: drawerSessionSchema,
  }),
  'drawer.close': channel({
    description: 'Closes the cash drawer with the counted cash and records the difference.',
    access: DESK,
    input: z.object({ counted: amountSchema('counted cash'), note: optionalTextSchema(300, 'note') }),
    output: drawerSessionSchema,
  }),
} as const;

/** Events of this area, spread into the contract's events. */
export const paymentEvents = {
  /** A ledger entry was written for an appointment: payment views refresh it. */
  'payment.changed': z.object({ appointmentId: z.number(), paymentId: z.number(), status: z.enum(PAYMENT_STATUSES) }),
  /** The cash drawer was opened or closed, or cash moved through it. */
  'drawer.changed': z.object({}),
} as const;
