import { sql, type Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import type { DrawerSession } from '#contract/payments.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, isUniqueViolation } from '../core/errors.ts';
import { clinicMoney, type ClinicMoney } from './ledger.ts';
import { parseMinor } from './amount-field.ts';

// The cash drawer: opened with a float, closed with the counted cash. Cash payments and cash
// refunds taken while it is open are linked to it, so expected = float + cash in − cash out.

/** The open session's id, or null: cash entries link to it. */
export async function openDrawerId(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('cash_drawer_sessions')
    .select('session_id')
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return row?.session_id ?? null;
}

function sessionsQuery(db: Kysely<Database>) {
  const cash = (kind: 'payment' | 'refund') =>
    sql<number>`COALESCE((SELECT SUM(l.amount_minor) FROM payment_ledger l
      WHERE l.drawer_session_id = s.session_id AND l.kind = ${kind}), 0)`;
  return db
    .selectFrom('cash_drawer_sessions as s')
    .leftJoin('users as o', 'o.user_id', 's.opened_by')
    .leftJoin('users as c', 'c.user_id', 's.closed_by')
    .select([
      's.session_id',
      's.opened_at',
      's.float_minor',
      's.closed_at',
      's.counted_minor',
      's.expected_minor',
      's.difference_minor',
      's.note',
      'o.name as opened_by_name',
      'c.name as closed_by_name',
      cash('payment').as('cash_in'),
      cash('refund').as('cash_out'),
    ]);
}

type SessionRecord = Awaited<ReturnType<ReturnType<typeof sessionsQuery>['execute']>>[number];

function toSession(r: SessionRecord, money: ClinicMoney): DrawerSession {
  const cashIn = Number(r.cash_in);
  const cashOut = Number(r.cash_out);
  return {
    sessionId: r.session_id,
    currency: money.currency,
    minorDigits: money.digits,
    openedAt: r.opened_at,
    openedBy: r.opened_by_name,
    floatMinor: Number(r.float_minor),
    cashInMinor: cashIn,
    cashOutMinor: cashOut,
    expectedMinor: r.expected_minor === null ? Number(r.float_minor) + cashIn - cashOut : Number(r.expected_minor),
    closedAt: r.closed_at,
    closedBy: r.closed_by_name,
    countedMinor: r.counted_minor === null ? null : Number(r.counted_minor),
    differenceMinor: r.difference_minor === null ? null : Number(r.difference_minor),
    note: r.note,
  };
}

/** Sessions opened between two UTC instants (for the report). */
export async function sessionsBetween(
  db: Kysely<Database>,
  money: ClinicMoney,
  fromIso: string,
  toIso: string,
): Promise<DrawerSession[]> {
  const rows = await sessionsQuery(db)
    .where('s.opened_at', '>=', fromIso)
    .where('s.opened_at', '<', toIso)
    .orderBy('s.session_id')
    .execute();
  return rows.map((r) => toSession(r, money));
}

export function createDrawerService({ db, clock }: ServiceDeps) {
  async function load(trx: Kysely<Database>, sessionId: number): Promise<DrawerSession> {
    const money = await clinicMoney(trx);
    const row = await sessionsQuery(trx).where('s.session_id', '=', sessionId).executeTakeFirstOrThrow();
    return toSession(row, money);
  }

  async function current(): Promise<DrawerSession | null> {
    const id = await openDrawerId(db);
    return id === null ? null : load(db, id);
  }

  async function alreadyOpen(trx: Tx): Promise<AppError> {
    const id = await openDrawerId(trx);
    const open = id === null ? null : await load(trx, id);
    const who = open?.openedBy ? ` by ${open.openedBy}` : '';
    return new AppError('CONFLICT', `The cash drawer is already open${who}. Close it before opening it again.`);
  }

  async function open(actor: Actor, float: string): Promise<DrawerSession> {
    return writeTx(db, async (trx) => {
      const money = await clinicMoney(trx);
      const floatMinor = parseMinor(float, money.digits, 'float', 'float', true);
      if ((await openDrawerId(trx)) !== null) throw await alreadyOpen(trx);
      let sessionId: number;
      try {
        ({ session_id: sessionId } = await trx
          .insertInto('cash_drawer_sessions')
          .values({ opened_at: clock.now().toISOString(), opened_by: actor.userId, float_minor: floatMinor })
          .returning('session_id')
          .executeTakeFirstOrThrow());
      } catch (error) {
        if (isUniqueViolation(error, 'drawer_one_open')) throw await alreadyOpen(trx);
        throw error;
      }
      const session = await load(trx, sessionId);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'drawer.open',
        entity: 'cash_drawer',
        entityId: sessionId,
        after: session,
      });
      return session;
    });
  }

  async function close(actor: Actor, counted: string, note: string | null): Promise<DrawerSession> {
    return writeTx(db, async (trx) => {
      const money = await clinicMoney(trx);
      const countedMinor = parseMinor(counted, money.digits, 'counted', 'counted cash', true);
      const id = await openDrawerId(trx);
      if (id === null) throw new AppError('CONFLICT', 'The cash drawer is not open. Open it with a float first.');
      const before = await load(trx, id);
      await trx
        .updateTable('cash_drawer_sessions')
        .set({
          closed_at: clock.now().toISOString(),
          closed_by: actor.userId,
          counted_minor: countedMinor,
          expected_minor: before.expectedMinor,
          difference_minor: countedMinor - before.expectedMinor,
          note,
        })
        .where('session_id', '=', id)
        .where('closed_at', 'is', null)
        .execute();
      const after = await load(trx, id);
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'drawer.close',
        entity: 'cash_drawer',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  return { current, open, close };
}

export type DrawerService = ReturnType<typeof createDrawerService>;
