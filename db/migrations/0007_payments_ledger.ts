import { sql, type Kysely } from 'kysely';
import { isSqlite } from './dialect.ts';
import { oneOf } from './sql-checks.ts';

// Frozen once landed. Payments: an append-only ledger of charges, adjustments, payments and
// refunds beside the seed's 1:1 `payments` row (which stays as its summary), receipts with
// numbers that never repeat, and the cash drawer sessions of the day-end close.

const METHODS = ['cash', 'card', 'mobile_money', 'insurance', 'bank_transfer', 'other'] as const;
const KINDS = ['charge', 'adjustment', 'payment', 'refund'] as const;
const MIGRATED_REASON = 'Recorded from the payments row when the ledger was introduced.';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Refunds above this need an admin; minor units of the clinic currency (10000 = 100.00 USD).
  await db.schema
    .alterTable('settings')
    .addColumn('refund_approval_threshold_minor', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(10000)
        .check(sql`refund_approval_threshold_minor >= 0`),
    )
    .execute();

  await db.schema
    .createTable('receipts')
    .addColumn('receipt_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['payment', 'refund', 'appointment'])))
    .addColumn('appointment_id', 'integer', (c) =>
      c.notNull().references('appointments.appointment_id').onDelete('restrict'),
    )
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    // First time the receipt was printed or saved; later prints say "Copy".
    .addColumn('printed_at', 'text')
    .execute();
  await db.schema.createIndex('receipts_appointment').on('receipts').column('appointment_id').execute();

  await db.schema
    .createTable('cash_drawer_sessions')
    .addColumn('session_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addColumn('float_minor', 'integer', (c) => c.notNull().check(sql`float_minor >= 0`))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addColumn('counted_minor', 'integer', (c) => c.check(sql`counted_minor IS NULL OR counted_minor >= 0`))
    .addColumn('expected_minor', 'integer')
    .addColumn('difference_minor', 'integer')
    .addColumn('note', 'text')
    .addCheckConstraint(
      'drawer_closed_complete',
      sql`(closed_at IS NULL AND counted_minor IS NULL AND expected_minor IS NULL AND difference_minor IS NULL)
        OR (closed_at IS NOT NULL AND counted_minor IS NOT NULL AND expected_minor IS NOT NULL
            AND difference_minor = counted_minor - expected_minor)`,
    )
    .execute();
  // At most one open drawer for the clinic: every open row has the same key (1).
  await db.schema
    .createIndex('drawer_one_open')
    .on('cash_drawer_sessions')
    .expression(sql`(closed_at IS NULL)`)
    .unique()
    .where(sql.ref('closed_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('payment_ledger')
    .addColumn('entry_id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('payment_id', 'integer', (c) => c.notNull().references('payments.payment_id').onDelete('restrict'))
    .addColumn('appointment_id', 'integer', (c) =>
      c.notNull().references('appointments.appointment_id').onDelete('restrict'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', KINDS)))
    // Always the size of the movement; for an adjustment, the signed change of the charge.
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`length(currency) = 3 AND currency = upper(currency)`))
    .addColumn('method', 'text', (c) => c.check(sql`method IS NULL OR ${oneOf('method', METHODS)}`))
    .addColumn('reference', 'text')
    .addColumn('reason', 'text')
    .addColumn('receipt_id', 'integer', (c) => c.unique().references('receipts.receipt_id').onDelete('restrict'))
    .addColumn('drawer_session_id', 'integer', (c) =>
      c.references('cash_drawer_sessions.session_id').onDelete('restrict'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.user_id').onDelete('restrict'))
    .addCheckConstraint(
      'ledger_amount_sign',
      sql`(kind = 'charge' AND amount_minor >= 0)
        OR (kind = 'adjustment' AND amount_minor <> 0)
        OR (kind IN ('payment', 'refund') AND amount_minor > 0)`,
    )
    .addCheckConstraint('ledger_method_required', sql`(kind IN ('payment', 'refund')) = (method IS NOT NULL)`)
    .addCheckConstraint(
      'ledger_reason_required',
      sql`kind NOT IN ('adjustment', 'refund') OR (reason IS NOT NULL AND length(trim(reason)) > 0)`,
    )
    .addCheckConstraint('ledger_drawer_cash', sql`drawer_session_id IS NULL OR method = 'cash'`)
    .execute();
  await db.schema.createIndex('ledger_payment').on('payment_ledger').columns(['payment_id', 'entry_id']).execute();
  await db.schema.createIndex('ledger_created').on('payment_ledger').column('created_at').execute();
  await db.schema.createIndex('ledger_drawer').on('payment_ledger').column('drawer_session_id').execute();

  if (isSqlite(db)) {
    // The ledger is append-only: the database itself refuses edits and deletions.
    await sql`CREATE TRIGGER payment_ledger_no_update BEFORE UPDATE ON payment_ledger
      BEGIN SELECT RAISE(ABORT, 'payment_ledger is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER payment_ledger_no_delete BEFORE DELETE ON payment_ledger
      BEGIN SELECT RAISE(ABORT, 'payment_ledger is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION payment_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'payment_ledger is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER payment_ledger_no_change BEFORE UPDATE OR DELETE ON payment_ledger
      FOR EACH ROW EXECUTE FUNCTION payment_ledger_append_only()`.execute(db);
  }

  await backfillLedger(db);
}

function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Each existing payments row gets the entries that reproduce it: a charge of its amount and,
 * when it was paid (or refunded), a payment of that amount on its date (and the refund).
 * Partial states carry no paid amount, so nothing is invented for them: they become unpaid.
 * The row's status is then set from the entries, exactly as the service derives it.
 * Set-based, so a clinic with years of visits migrates in one pass.
 */
async function backfillLedger(db: Kysely<unknown>): Promise<void> {
  const settings = await sql<{ currency: string }>`SELECT currency FROM settings WHERE id = 1`.execute(db);
  const currency = settings.rows[0]?.currency ?? 'USD';
  const minor = sql`CAST(ROUND(p.amount * ${sql.lit(10 ** minorDigitsOf(currency))}) AS INTEGER)`;
  const moved = sql`p.payment_status IN ('paid', 'refunded') AND ${minor} > 0`;
  const method = sql`COALESCE(p.payment_method, 'other')`;
  const paidAt = sql`COALESCE(p.transaction_date, a.created_at)`;
  const from = sql`FROM payments p JOIN appointments a ON a.appointment_id = p.appointment_id`;
  const columns = sql`(payment_id, appointment_id, kind, amount_minor, currency, method, reason, created_at)`;

  await sql`INSERT INTO payment_ledger ${columns}
    SELECT p.payment_id, p.appointment_id, 'charge', ${minor}, ${currency}, NULL, NULL, a.created_at
    ${from} ORDER BY p.payment_id`.execute(db);
  await sql`INSERT INTO payment_ledger ${columns}
    SELECT p.payment_id, p.appointment_id, 'payment', ${minor}, ${currency}, ${method}, NULL, ${paidAt}
    ${from} WHERE ${moved} ORDER BY p.payment_id`.execute(db);
  await sql`INSERT INTO payment_ledger ${columns}
    SELECT p.payment_id, p.appointment_id, 'refund', ${minor}, ${currency}, ${method}, ${MIGRATED_REASON}, ${paidAt}
    ${from} WHERE ${moved} AND p.payment_status = 'refunded' ORDER BY p.payment_id`.execute(db);

  // Rows without money movement: void when cancelled, paid when nothing is owed, else unpaid.
  await sql`UPDATE payments SET
      payment_status = CASE
        WHEN (SELECT status FROM appointments a WHERE a.appointment_id = payments.appointment_id) = 'cancelled'
          THEN 'void'
        WHEN amount = 0 THEN 'paid'
        ELSE 'unpaid' END,
      payment_method = NULL,
      transaction_date = NULL
    WHERE NOT (payment_status IN ('paid', 'refunded') AND amount > 0)`.execute(db);
  await sql`UPDATE payments SET payment_method = COALESCE(payment_method, 'other'),
      transaction_date = COALESCE(transaction_date,
        (SELECT a.created_at FROM appointments a WHERE a.appointment_id = payments.appointment_id))
    WHERE payment_status IN ('paid', 'refunded') AND amount > 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payment_ledger').execute();
  if (!isSqlite(db)) await sql`DROP FUNCTION payment_ledger_append_only()`.execute(db);
  await db.schema.dropTable('cash_drawer_sessions').execute();
  await db.schema.dropTable('receipts').execute();
  await db.schema.alterTable('settings').dropColumn('refund_approval_threshold_minor').execute();
}
