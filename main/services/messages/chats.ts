import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '#db/schema.ts';
import type { Thread } from '#contract/messages.ts';
import type { Actor } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { patientNumber } from '../patients/index.ts';

// Threads (the seed's `chats`): one per doctor and patient. Who may read them and the shared
// queries behind the thread list, the patient page and the unread counts.

/** The thread's doctor, receptionists and admins; never another doctor. */
export const canReadThread = (actor: Pick<Actor, 'userId' | 'role'>, doctorId: number): boolean =>
  actor.role !== 'doctor' || actor.userId === doctorId;

export const threadNotFound = (): AppError =>
  new AppError('NOT_FOUND', 'That conversation does not exist or is not one you can read.');

type ChatScope = ExpressionBuilder<Database & { c: Database['chats'] }, 'c'>;

/** Doctors see their own threads only (in SQL, so lists and counts never include others). */
export function scopeToActor(eb: ChatScope, actor: Actor): Expression<SqlBool> {
  return actor.role === 'doctor' ? eb('c.doctor_id', '=', actor.userId) : eb.lit(true);
}

/** Messages from others after the user's read marker in thread `c`. */
export function unreadCountOf(userId: number) {
  return sql<number>`(
    SELECT count(*) FROM chat_messages m
    WHERE m.chat_id = c.chat_id
      AND m.sender_id <> ${userId}
      AND m.message_id > coalesce(
        (SELECT r.last_read_message_id FROM chat_read_markers r WHERE r.chat_id = c.chat_id AND r.user_id = ${userId}),
        0)
  )`;
}

export function threadsQuery(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('chats as c')
    .innerJoin('users as d', 'd.user_id', 'c.doctor_id')
    .innerJoin('users as p', 'p.user_id', 'c.patient_id')
    .where((eb) => scopeToActor(eb, actor))
    .select([
      'c.chat_id',
      'c.doctor_id',
      'd.name as doctor_name',
      'c.patient_id',
      'p.name as patient_name',
      'c.last_message',
      'c.updated_at',
      unreadCountOf(actor.userId).as('unread_count'),
    ]);
}
type ThreadRecord = Awaited<ReturnType<ReturnType<typeof threadsQuery>['execute']>>[number];

export const toThread = (r: ThreadRecord): Thread => ({
  chatId: r.chat_id,
  doctorId: r.doctor_id,
  doctorName: r.doctor_name,
  patientId: r.patient_id,
  patientName: r.patient_name,
  patientNumber: patientNumber(r.patient_id),
  lastMessage: r.last_message,
  updatedAt: r.updated_at,
  // PostgreSQL returns count(*) as a bigint string.
  unreadCount: Number(r.unread_count),
});

/** The thread if this actor may read it; otherwise NOT_FOUND (another doctor learns nothing). */
export async function readableThread(db: Kysely<Database>, actor: Actor, chatId: number): Promise<Thread> {
  const row = await threadsQuery(db, actor).where('c.chat_id', '=', chatId).executeTakeFirst();
  if (!row) throw threadNotFound();
  return toThread(row);
}

/** Unread messages per readable thread (only threads with any), and their total. */
export async function unreadTotals(db: Kysely<Database>, actor: Actor) {
  const rows = await db
    .selectFrom('chats as c')
    .leftJoin('chat_read_markers as r', (join) =>
      join.onRef('r.chat_id', '=', 'c.chat_id').on('r.user_id', '=', actor.userId),
    )
    .innerJoin('chat_messages as m', (join) =>
      join
        .onRef('m.chat_id', '=', 'c.chat_id')
        .on(sql<SqlBool>`m.message_id > coalesce(r.last_read_message_id, 0)`)
        .on('m.sender_id', '<>', actor.userId),
    )
    .where((eb) => scopeToActor(eb, actor))
    .select(['c.chat_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('c.chat_id')
    .execute();
  const byChat: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    byChat[String(row.chat_id)] = n;
    total += n;
  }
  return { total, byChat };
}
