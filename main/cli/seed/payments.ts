import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';
import { minorDigitsOf } from '#shared/money.ts';

// Demo payments. The planned payments rows are written in bulk; this gives each row without
// ledger entries the entries that reproduce it (a charge, and a payment when it is paid), and
// sets its status from them, so the seed keeps the rule "the ledger is the truth".

export async function writeSeedLedger(trx: Tx): Promise<void> {
  const settings = await trx.selectFrom('settings').select('currency').where('id', '=', 1).executeTakeFirst();
  const currency = settings?.currency ?? 'USD';
  const minor = sql`CAST(ROUND(p.amount * ${sql.lit(10 ** minorDigitsOf(currency))}) AS INTEGER)`;
  const fresh = sql`NOT EXISTS (SELECT 1 FROM payment_ledger l WHERE l.payment_id = p.payment_id)`;
  const from = sql`FROM payments p JOIN appointments a ON a.appointment_id = p.appointment_id`;
  const columns = sql`(payment_id, appointment_id, kind, amount_minor, currency, method, created_at, created_by)`;
  const ids = await sql<{ payment_id: number }>`SELECT p.payment_id ${from} WHERE ${fresh}`.execute(trx);
  if (ids.rows.length === 0) return;

  const seeded = ids.rows.map((r) => r.payment_id);
  for (let i = 0; i < seeded.length; i += 500) {
    const chunk = sql`p.payment_id IN (${sql.join(seeded.slice(i, i + 500))})`;
    await sql`INSERT INTO payment_ledger ${columns}
      SELECT p.payment_id, p.appointment_id, 'charge', ${minor}, ${currency}, NULL, a.created_at, a.booked_by
      ${from} WHERE ${chunk} ORDER BY p.payment_id`.execute(trx);
    await sql`INSERT INTO payment_ledger ${columns}
      SELECT p.payment_id, p.appointment_id, 'payment', ${minor}, ${currency}, COALESCE(p.payment_method, 'other'),
             COALESCE(p.transaction_date, a.created_at), NULL
      ${from} WHERE ${chunk} AND p.payment_status = 'paid' AND ${minor} > 0 ORDER BY p.payment_id`.execute(trx);
    // Status from the entries: void only when cancelled with nothing paid (a no-show stays owed).
    await sql`UPDATE payments SET
        payment_status = CASE
          WHEN payment_status = 'paid' AND amount > 0 THEN 'paid'
          WHEN (SELECT status FROM appointments a WHERE a.appointment_id = payments.appointment_id) = 'cancelled'
            THEN 'void'
          WHEN amount = 0 THEN 'paid'
          ELSE 'unpaid' END,
        payment_method = CASE WHEN payment_status = 'paid' AND amount > 0 THEN COALESCE(payment_method, 'other') END,
        transaction_date = CASE WHEN payment_status = 'paid' AND amount > 0 THEN COALESCE(transaction_date,
          (SELECT a.created_at FROM appointments a WHERE a.appointment_id = payments.appointment_id)) END
      WHERE payment_id IN (${sql.join(seeded.slice(i, i + 500))})`.execute(trx);
  }
}
