import { sql, type Kysely } from 'kysely';
import Papa from 'papaparse';
import type { Database, LedgerKind, PaymentMethod } from '#db/schema.ts';
import { PAYMENT_METHODS, type PaymentReport } from '#contract/payments.ts';
import { addDays, clinicNow, localToUtcIso } from '#shared/dates.ts';
import { writeTx } from '#db/tx.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { sessionsBetween } from './drawer.ts';
import { clinicMoney, type ClinicMoney } from './ledger.ts';
import { minorToDecimal as formatMajor } from '#shared/money.ts';
import { ledgerEntriesQuery, listSummaries } from './payments-read.ts';
import { patientNumber } from '../patients/index.ts';

// The day-end (or any date range) report and the accountant's CSV. Money movements count on
// the clinic-local day they were recorded; charges and unpaid visits on the day of the visit.

export interface RangeInput {
  from: string;
  to: string;
  doctorId?: number | undefined;
}

interface EntryRow {
  entry_id: number;
  kind: LedgerKind;
  amount_minor: number;
  method: PaymentMethod | null;
  reference: string | null;
  reason: string | null;
  receipt_id: number | null;
  created_at: string;
  created_by_name: string | null;
  doctor_id: number;
  doctor_name: string;
  patient_id: number;
  patient_name: string;
  appointment_id: number;
  appointment_date: string;
  appointment_time: string;
}

/** 'YYYY-MM-DD HH:MM' of a UTC instant in the clinic zone. */
export const localDateTime = (iso: string, timeZone: string): { date: string; time: string } =>
  clinicNow(timeZone, new Date(iso));

/** The UTC instants bounding clinic-local days `from` to `to` (both included). */
export function rangeInstants(from: string, to: string, timeZone: string): { fromIso: string; toIso: string } {
  return { fromIso: localToUtcIso(from, '00:00', timeZone), toIso: localToUtcIso(addDays(to, 1), '00:00', timeZone) };
}

/** Entries read per query: a year at a big clinic is millions, so they come a page at a time. */
const PAGE_ROWS = 5_000;

/** The range's ledger entries in entry order, a page at a time (keyset on entry_id). */
async function* entryPages(
  db: Kysely<Database>,
  fromIso: string,
  toIso: string,
  doctorId: number | undefined,
): AsyncGenerator<EntryRow[]> {
  for (let after = 0; ;) {
    const page = await entriesBetween(db, fromIso, toIso, doctorId, after);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (page.length < PAGE_ROWS || !last) return;
    after = last.entry_id;
  }
}

async function entriesBetween(
  db: Kysely<Database>,
  fromIso: string,
  toIso: string,
  doctorId: number | undefined,
  afterEntryId: number,
): Promise<EntryRow[]> {
  let query = ledgerEntriesQuery(db)
    .innerJoin('appointments as a', 'a.appointment_id', 'l.appointment_id')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .innerJoin('users as p', 'p.user_id', 'a.patient_id')
    .select([
      'a.doctor_id',
      'd.name as doctor_name',
      'a.patient_id',
      'p.name as patient_name',
      'a.appointment_id',
      'a.appointment_date',
      'a.appointment_time',
    ])
    .where('l.created_at', '>=', fromIso)
    .where('l.created_at', '<', toIso);
  if (doctorId !== undefined) query = query.where('a.doctor_id', '=', doctorId);
  const rows = await query.where('l.entry_id', '>', afterEntryId).orderBy('l.entry_id').limit(PAGE_ROWS).execute();
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }));
}

interface Sums {
  chargedMinor: number;
  collectedMinor: number;
  refundedMinor: number;
  discountsMinor: number;
}

const emptySums = (): Sums => ({ chargedMinor: 0, collectedMinor: 0, refundedMinor: 0, discountsMinor: 0 });

/** Money moved: collected and refunded count on the day the money moved. */
function add(sums: Sums, row: EntryRow): void {
  if (row.kind === 'payment') sums.collectedMinor += row.amount_minor;
  if (row.kind === 'refund') sums.refundedMinor += row.amount_minor;
}

interface VisitCharges {
  doctor_id: number;
  doctor_name: string;
  appointment_date: string;
  charged: number | string | null;
  discounts: number | string | null;
}

/**
 * "Charged" and "Discounts and waivers" as the glossary (#shared/money-words.ts) defines them:
 * the charges of the visits on these days, whenever they were entered; cancelled visits left out.
 */
async function visitCharges(db: Kysely<Database>, input: RangeInput): Promise<VisitCharges[]> {
  let query = db
    .selectFrom('payment_ledger as l')
    .innerJoin('appointments as a', 'a.appointment_id', 'l.appointment_id')
    .innerJoin('users as d', 'd.user_id', 'a.doctor_id')
    .select([
      'a.doctor_id',
      'd.name as doctor_name',
      'a.appointment_date',
      sql<number | string | null>`sum(case when l.kind in ('charge', 'adjustment') then l.amount_minor end)`.as(
        'charged',
      ),
      sql<
        number | string | null
      >`sum(case when l.kind = 'adjustment' and l.amount_minor < 0 then -l.amount_minor end)`.as('discounts'),
    ])
    .where('a.appointment_date', '>=', input.from)
    .where('a.appointment_date', '<=', input.to)
    .where('a.status', '!=', 'cancelled');
  if (input.doctorId !== undefined) query = query.where('a.doctor_id', '=', input.doctorId);
  return query.groupBy(['a.doctor_id', 'd.name', 'a.appointment_date']).execute();
}

const withNet = <T extends Sums>(sums: T) => ({ ...sums, netMinor: sums.collectedMinor - sums.refundedMinor });

/** Builds the report from the ledger; `doctorId` narrows it to one doctor. */
export async function buildReport(
  db: Kysely<Database>,
  money: ClinicMoney,
  input: RangeInput,
  includeDrawer: boolean,
): Promise<PaymentReport> {
  const { fromIso, toIso } = rangeInstants(input.from, input.to, money.timeZone);
  const totals = emptySums();
  const byMethod = new Map<PaymentMethod, { collectedMinor: number; refundedMinor: number; count: number }>();
  const byDoctor = new Map<number, Sums & { doctorName: string }>();
  const byDay = new Map<string, Sums>();
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) byDay.set(day, emptySums());
  for await (const page of entryPages(db, fromIso, toIso, input.doctorId)) {
    for (const row of page) addRow(row);
  }
  for (const visit of await visitCharges(db, input)) {
    const charged = Number(visit.charged ?? 0);
    const discounts = Number(visit.discounts ?? 0);
    const doctor = byDoctor.get(visit.doctor_id) ?? { ...emptySums(), doctorName: visit.doctor_name };
    for (const sums of [totals, doctor, byDay.get(visit.appointment_date)]) {
      if (!sums) continue;
      sums.chargedMinor += charged;
      sums.discountsMinor += discounts;
    }
    byDoctor.set(visit.doctor_id, doctor);
  }
  function addRow(row: EntryRow): void {
    add(totals, row);
    const doctor = byDoctor.get(row.doctor_id) ?? { ...emptySums(), doctorName: row.doctor_name };
    add(doctor, row);
    byDoctor.set(row.doctor_id, doctor);
    const day = byDay.get(localDateTime(row.created_at, money.timeZone).date);
    if (day) add(day, row);
    if (row.method && (row.kind === 'payment' || row.kind === 'refund')) {
      const method = byMethod.get(row.method) ?? { collectedMinor: 0, refundedMinor: 0, count: 0 };
      if (row.kind === 'payment') method.collectedMinor += row.amount_minor;
      else method.refundedMinor += row.amount_minor;
      method.count += 1;
      byMethod.set(row.method, method);
    }
  }
  const unpaid = await listSummaries(db, money, {
    from: input.from,
    to: input.to,
    appointmentStatus: 'completed',
    ...(input.doctorId === undefined ? {} : { doctorId: input.doctorId }),
  });
  return {
    from: input.from,
    to: input.to,
    currency: money.currency,
    minorDigits: money.digits,
    doctorId: input.doctorId ?? null,
    totals: withNet(totals),
    byMethod: PAYMENT_METHODS.flatMap((method) => {
      const sums = byMethod.get(method);
      return sums ? [{ method, ...sums, netMinor: sums.collectedMinor - sums.refundedMinor }] : [];
    }),
    byDoctor: [...byDoctor.entries()]
      .map(([doctorId, sums]) => ({ doctorId, ...withNet(sums) }))
      .sort((a, b) => a.doctorName.localeCompare(b.doctorName)),
    byDay: [...byDay.entries()].map(([date, sums]) => {
      const { discountsMinor: _discounts, ...rest } = withNet(sums);
      return { date, ...rest };
    }),
    unpaidCompleted: unpaid.filter((s) => s.balanceMinor > 0),
    drawerSessions: includeDrawer ? await sessionsBetween(db, money, fromIso, toIso) : [],
  };
}

/** The most entries one ledger CSV holds: the file is built in memory and handed over whole. */
export const LEDGER_CSV_MAX_ROWS = 100_000;

const CSV_FIELDS = [
  'Date',
  'Time',
  'Receipt',
  'Patient number',
  'Patient',
  'Doctor',
  'Appointment',
  'Kind',
  'Method',
  'Amount',
  'Currency',
  'Reference',
  'Reason',
  'By',
] as const;

export function createReportsService({ db, clock }: ServiceDeps) {
  /** Doctors see only their own totals, and no drawer. */
  async function report(actor: Actor, input: RangeInput): Promise<PaymentReport> {
    const money = await clinicMoney(db);
    const doctorId = actor.role === 'doctor' ? actor.userId : input.doctorId;
    return buildReport(db, money, { ...input, doctorId }, actor.role !== 'doctor');
  }

  async function ledgerCsv(
    actor: Actor,
    input: { from: string; to: string; bom?: boolean | undefined },
  ): Promise<{ fileName: string; csv: string }> {
    const money = await clinicMoney(db);
    const { fromIso, toIso } = rangeInstants(input.from, input.to, money.timeZone);
    const counted = await db
      .selectFrom('payment_ledger')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', fromIso)
      .where('created_at', '<', toIso)
      .executeTakeFirst();
    const total = Number(counted?.n ?? 0);
    if (total > LEDGER_CSV_MAX_ROWS) {
      const message = `These days hold ${total.toLocaleString('en-US')} ledger entries; one file takes at most ${LEDGER_CSV_MAX_ROWS.toLocaleString('en-US')}. Choose fewer days.`;
      throw new AppError('VALIDATION', message, { to: message });
    }
    const toCells = (r: EntryRow) => {
      const at = localDateTime(r.created_at, money.timeZone);
      // Adjustments are signed; refunds leave the clinic, so they are negative here.
      const signed = r.kind === 'refund' ? -r.amount_minor : r.amount_minor;
      return [
        at.date,
        at.time,
        r.receipt_id === null ? '' : String(r.receipt_id),
        patientNumber(r.patient_id),
        r.patient_name,
        r.doctor_name,
        `${r.appointment_date} ${r.appointment_time}`,
        r.kind,
        r.method ?? '',
        formatMajor(signed, money.digits),
        money.currency,
        r.reference ?? '',
        r.reason ?? '',
        r.created_by_name ?? '',
      ];
    };
    const options = {
      newline: '\r\n',
      // Text that a spreadsheet would run as a formula gets a leading quote; plain negative amounts do not.
      escapeFormulae: /^[=+\-@\t\r](?!\d+(?:\.\d+)?$)/,
    };
    // Page by page: only one page of entries is held as rows at a time, then as text.
    const lines = [Papa.unparse([[...CSV_FIELDS]], options)];
    let rows = 0;
    for await (const page of entryPages(db, fromIso, toIso, undefined)) {
      lines.push(Papa.unparse({ fields: [...CSV_FIELDS], data: page.map(toCells) }, { ...options, header: false }));
      rows += page.length;
    }
    const csv = lines.join('\r\n');
    // An export of patient data leaves the app: it is audited like any write.
    await writeTx(db, (trx) =>
      writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'payment.ledger_csv',
        entity: 'payment_ledger',
        entityId: null,
        after: { from: input.from, to: input.to, rows },
      }),
    );
    return {
      fileName: `ledger-${input.from}-to-${input.to}.csv`,
      csv: `${input.bom ? '\uFEFF' : ''}${csv}\r\n`,
    };
  }

  return { report, ledgerCsv };
}

export type ReportsService = ReturnType<typeof createReportsService>;
