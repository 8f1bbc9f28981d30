import type { Selectable } from 'kysely';
import type { ChatReadMarkersTable, ChatsTable } from '#db/schema.ts';
import type { Tx } from '#db/tx.ts';

// Threads on a merge: a thread with a doctor only the merged record had moves whole; two
// threads with the same doctor become one (the kept record's), the merged one's messages
// joining it. Message ids rise with time across all threads, so the joined thread, read in id
// order as every thread is, has its messages in time order.

type ChatRow = Selectable<ChatsTable>;
type MarkerRow = Selectable<ChatReadMarkersTable>;

/** A join, as undo needs it: both threads and every read marker as they were, and what moved. */
export interface JoinedThread {
  into: ChatRow;
  from: ChatRow;
  markers: MarkerRow[];
  messageIds: number[];
}

export interface ThreadMoves {
  chatsMoved: number[];
  chatsJoined: JoinedThread[];
}

interface MessageRef {
  message_id: number;
  sender_id: number;
  chat_id: number;
}

/**
 * Each reader's marker on the joined thread: just before the first message (from someone else)
 * they had not read in its own thread, so no unread message is hidden; when they had read
 * everything, the later of their two markers. A reader with no marker on a thread had read none
 * of it.
 */
export function joinedMarkers(
  messages: readonly MessageRef[],
  markers: readonly MarkerRow[],
  intoId: number,
  at: string,
): MarkerRow[] {
  const readers = [...new Set(markers.map((m) => m.user_id))];
  return readers.map((userId) => {
    const readUpTo = (chatId: number) =>
      markers.find((m) => m.chat_id === chatId && m.user_id === userId)?.last_read_message_id ?? 0;
    const unread = messages
      .filter((m) => m.sender_id !== userId && m.message_id > readUpTo(m.chat_id))
      .map((m) => m.message_id);
    const own = markers.filter((m) => m.user_id === userId).map((m) => m.last_read_message_id);
    const last = unread.length > 0 ? Math.min(...unread) - 1 : Math.max(...own);
    return { chat_id: intoId, user_id: userId, last_read_message_id: last, updated_at: at };
  });
}

async function joinThread(trx: Tx, into: ChatRow, from: ChatRow, at: string): Promise<JoinedThread> {
  const chatIds = [into.chat_id, from.chat_id];
  const messages = await trx
    .selectFrom('chat_messages')
    .select(['message_id', 'sender_id', 'chat_id', 'message_text', 'sent_at'])
    .where('chat_id', 'in', chatIds)
    .orderBy('message_id')
    .execute();
  const markers = await trx
    .selectFrom('chat_read_markers')
    .selectAll()
    .where('chat_id', 'in', chatIds)
    .orderBy('chat_id')
    .orderBy('user_id')
    .execute();
  const messageIds = messages.filter((m) => m.chat_id === from.chat_id).map((m) => m.message_id);
  const next = joinedMarkers(messages, markers, into.chat_id, at);
  if (messageIds.length > 0) {
    await trx.updateTable('chat_messages').set({ chat_id: into.chat_id }).where('chat_id', '=', from.chat_id).execute();
  }
  await trx.deleteFrom('chat_read_markers').where('chat_id', 'in', chatIds).execute();
  if (next.length > 0) await trx.insertInto('chat_read_markers').values(next).execute();
  const latest = messages.at(-1);
  await trx
    .updateTable('chats')
    .set({
      last_message: latest ? latest.message_text : into.last_message,
      updated_at: into.updated_at > from.updated_at ? into.updated_at : from.updated_at,
    })
    .where('chat_id', '=', into.chat_id)
    .execute();
  await trx.deleteFrom('chats').where('chat_id', '=', from.chat_id).execute();
  return { into, from, markers, messageIds };
}

export async function moveThreads(trx: Tx, keptId: number, mergedId: number, at: string): Promise<ThreadMoves> {
  const [keptChats, mergedChats] = await Promise.all(
    [keptId, mergedId].map((id) =>
      trx.selectFrom('chats').selectAll().where('patient_id', '=', id).orderBy('chat_id').execute(),
    ),
  );
  const moves: ThreadMoves = { chatsMoved: [], chatsJoined: [] };
  for (const from of mergedChats ?? []) {
    const into = keptChats?.find((c) => c.doctor_id === from.doctor_id);
    if (into) {
      moves.chatsJoined.push(await joinThread(trx, into, from, at));
    } else {
      await trx.updateTable('chats').set({ patient_id: keptId }).where('chat_id', '=', from.chat_id).execute();
      moves.chatsMoved.push(from.chat_id);
    }
  }
  return moves;
}

/** Puts threads back exactly as they were before the merge (called while the merge is still live). */
export async function restoreThreads(trx: Tx, mergedId: number, moves: ThreadMoves): Promise<void> {
  if (moves.chatsMoved.length > 0) {
    await trx.updateTable('chats').set({ patient_id: mergedId }).where('chat_id', 'in', moves.chatsMoved).execute();
  }
  for (const joined of moves.chatsJoined) {
    const { into, from } = joined;
    await trx.insertInto('chats').values(from).execute();
    if (joined.messageIds.length > 0) {
      await trx
        .updateTable('chat_messages')
        .set({ chat_id: from.chat_id })
        .where('message_id', 'in', joined.messageIds)
        .execute();
    }
    await trx
      .updateTable('chats')
      .set({ last_message: into.last_message, updated_at: into.updated_at })
      .where('chat_id', '=', into.chat_id)
      .execute();
    await trx.deleteFrom('chat_read_markers').where('chat_id', '=', into.chat_id).execute();
    if (joined.markers.length > 0) await trx.insertInto('chat_read_markers').values(joined.markers).execute();
  }
}
