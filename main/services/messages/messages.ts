import type { Kysely } from 'kysely';
import { containsText } from '#db/like.ts';
import type { Database } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import type { ChatMessage, Thread } from '#contract/messages.ts';
import { writeAudit } from '../core/audit.ts';
import {
  canReadThread,
  readableThread,
  threadNotFound,
  threadsQuery,
  toThread,
  unreadCountOf,
  unreadTotals,
} from './chats.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, isUniqueViolation } from '../core/errors.ts';
import { searchMessages } from './messages-search.ts';

// Messages between a doctor and the front desk about one patient. A message is its own record:
// append-only (the database refuses UPDATE/DELETE), so sending writes no separate audit row.

export interface ThreadFilter {
  doctorId?: number | undefined;
  patientId?: number | undefined;
  unreadOnly?: boolean | undefined;
  query?: string | undefined;
  cursor?: { updatedAt: string; chatId: number } | undefined;
  limit?: number | undefined;
}

function messagesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('chat_messages as m')
    .innerJoin('users as s', 's.user_id', 'm.sender_id')
    .select(['m.message_id', 'm.chat_id', 'm.sender_id', 's.name', 's.role', 'm.message_text', 'm.sent_at']);
}
type MessageRecord = Awaited<ReturnType<ReturnType<typeof messagesQuery>['execute']>>[number];

const toMessage = (r: MessageRecord): ChatMessage => ({
  messageId: r.message_id,
  chatId: r.chat_id,
  senderId: r.sender_id,
  senderName: r.name,
  senderRole: r.role,
  text: r.message_text,
  sentAt: r.sent_at,
});

async function moveMarker(trx: Tx, chatId: number, userId: number, messageId: number, at: string): Promise<void> {
  const current = await trx
    .selectFrom('chat_read_markers')
    .select('last_read_message_id')
    .where('chat_id', '=', chatId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (current && current.last_read_message_id >= messageId) return;
  await trx
    .insertInto('chat_read_markers')
    .values({ chat_id: chatId, user_id: userId, last_read_message_id: messageId, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['chat_id', 'user_id']).doUpdateSet({ last_read_message_id: messageId, updated_at: at }),
    )
    .execute();
}

export function createMessagesService({ db, clock }: ServiceDeps) {
  async function threads(actor: Actor, filter: ThreadFilter) {
    const limit = filter.limit ?? 50;
    let query = threadsQuery(db, actor);
    if (filter.doctorId !== undefined) query = query.where('c.doctor_id', '=', filter.doctorId);
    if (filter.patientId !== undefined) query = query.where('c.patient_id', '=', filter.patientId);
    if (filter.query) {
      const text = filter.query;
      query = query.where((eb) =>
        eb.or([containsText('p.name', text), containsText('d.name', text), containsText('c.last_message', text)]),
      );
    }
    if (filter.unreadOnly) {
      query = query.where((eb) => eb(unreadCountOf(actor.userId), '>', 0));
    }
    const cursor = filter.cursor;
    if (cursor) {
      query = query.where((eb) =>
        eb.or([
          eb('c.updated_at', '<', cursor.updatedAt),
          eb.and([eb('c.updated_at', '=', cursor.updatedAt), eb('c.chat_id', '<', cursor.chatId)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.chat_id', 'desc')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit).map(toThread);
    const last = page.at(-1);
    return {
      threads: page,
      nextCursor: rows.length > limit && last ? { updatedAt: last.updatedAt, chatId: last.chatId } : null,
    };
  }

  /** The doctor's thread about the patient, created if missing (the unique pair decides races). */
  async function openThread(actor: Actor, doctorId: number, patientId: number): Promise<Thread> {
    if (!canReadThread(actor, doctorId)) {
      throw new AppError('FORBIDDEN', 'Doctors can message the front desk only about their own patients.', {
        doctorId: 'Choose yourself as the doctor.',
      });
    }
    const find = () =>
      threadsQuery(db, actor)
        .where('c.doctor_id', '=', doctorId)
        .where('c.patient_id', '=', patientId)
        .executeTakeFirst();
    const existing = await find();
    if (existing) return toThread(existing);
    const [doctor, patient] = await Promise.all([
      db.selectFrom('doctors').select('doctor_id').where('doctor_id', '=', doctorId).executeTakeFirst(),
      db.selectFrom('patients').select('patient_id').where('patient_id', '=', patientId).executeTakeFirst(),
    ]);
    if (!doctor)
      throw new AppError('VALIDATION', 'Choose a doctor from the list.', {
        doctorId: 'Choose a doctor from the list.',
      });
    if (!patient)
      throw new AppError('VALIDATION', 'Choose a registered patient.', { patientId: 'Choose a registered patient.' });
    try {
      await writeTx(db, async (trx) => {
        const { chat_id: chatId } = await trx
          .insertInto('chats')
          .values({
            doctor_id: doctorId,
            patient_id: patientId,
            last_message: null,
            updated_at: clock.now().toISOString(),
          })
          .returning('chat_id')
          .executeTakeFirstOrThrow();
        await writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'chats.open',
          entity: 'chats',
          entityId: chatId,
          after: { doctorId, patientId },
        });
      });
    } catch (error) {
      // Another desk opened the same thread a moment ago: use theirs.
      if (!isUniqueViolation(error, 'chats')) throw error;
    }
    const created = await find();
    if (!created) throw threadNotFound();
    return toThread(created);
  }

  async function page(actor: Actor, chatId: number, before: number | undefined, limit = 50) {
    await readableThread(db, actor, chatId);
    let query = messagesQuery(db).where('m.chat_id', '=', chatId);
    if (before !== undefined) query = query.where('m.message_id', '<', before);
    const rows = await query
      .orderBy('m.message_id', 'desc')
      .limit(limit + 1)
      .execute();
    return { messages: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit };
  }

  /** Appends a message from the signed-in user; the thread's last message moves in the same transaction. */
  async function send(actor: Actor, chatId: number, text: string): Promise<{ message: ChatMessage; thread: Thread }> {
    const thread = await readableThread(db, actor, chatId);
    const at = clock.now().toISOString();
    const messageId = await writeTx(db, async (trx) => {
      const { message_id: id } = await trx
        .insertInto('chat_messages')
        .values({ chat_id: chatId, sender_id: actor.userId, message_text: text, sent_at: at })
        .returning('message_id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('chats')
        .set({ last_message: text, updated_at: at })
        .where('chat_id', '=', chatId)
        .execute();
      // Your own message is read by you.
      await moveMarker(trx, chatId, actor.userId, id, at);
      return id;
    });
    const row = await messagesQuery(db).where('m.message_id', '=', messageId).executeTakeFirstOrThrow();
    return { message: toMessage(row), thread };
  }

  /** Moves the user's read marker forward (never back) to the message, within this thread. */
  async function markRead(actor: Actor, chatId: number, upToMessageId: number) {
    await readableThread(db, actor, chatId);
    await writeTx(db, async (trx) => {
      const last = await trx
        .selectFrom('chat_messages')
        .select((eb) => eb.fn.max('message_id').as('id'))
        .where('chat_id', '=', chatId)
        .where('message_id', '<=', upToMessageId)
        .executeTakeFirst();
      if (last?.id) await moveMarker(trx, chatId, actor.userId, Number(last.id), clock.now().toISOString());
    });
    return unreadTotals(db, actor);
  }

  return {
    threads,
    thread: (actor: Actor, chatId: number) => readableThread(db, actor, chatId),
    openThread,
    page,
    send,
    markRead,
    unreadTotals: (actor: Actor) => unreadTotals(db, actor),
    search: (actor: Actor, query: string, doctorId: number | undefined, limit = 30) =>
      searchMessages(db, actor, query, doctorId, limit),
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
