import type { Kysely } from 'kysely';
import { containsText } from '#db/like.ts';
import type { Database } from '#db/schema.ts';
import { scopeToActor } from './chats.ts';
import type { Actor } from '../core/context.ts';

// Search within messages: a case-insensitive LIKE over the threads the user may read (see
// docs/decisions.md: at a clinic's scale a scan of its messages is fast, and it is the same
// SQL on SQLite and PostgreSQL). Snippets are plain text; the renderer shows them as text.

const SNIPPET_RADIUS = 60;

/** The text around the first match, with an ellipsis where it was cut. */
export function snippetAround(text: string, query: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().indexOf(query.toLowerCase());
  const start = Math.max(0, (at < 0 ? 0 : at) - SNIPPET_RADIUS);
  const end = Math.min(flat.length, (at < 0 ? 0 : at) + query.length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

export async function searchMessages(
  db: Kysely<Database>,
  actor: Actor,
  query: string,
  doctorId: number | undefined,
  limit: number,
) {
  let q = db
    .selectFrom('chat_messages as m')
    .innerJoin('chats as c', 'c.chat_id', 'm.chat_id')
    .innerJoin('users as d', 'd.user_id', 'c.doctor_id')
    .innerJoin('users as p', 'p.user_id', 'c.patient_id')
    .innerJoin('users as s', 's.user_id', 'm.sender_id')
    .where((eb) => scopeToActor(eb, actor))
    .where(containsText('m.message_text', query));
  if (doctorId !== undefined) q = q.where('c.doctor_id', '=', doctorId);
  const rows = await q
    .select([
      'm.message_id',
      'm.chat_id',
      'd.name as doctor_name',
      'p.name as patient_name',
      's.name as sender_name',
      'm.sent_at',
      'm.message_text',
    ])
    .orderBy('m.message_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    messageId: r.message_id,
    chatId: r.chat_id,
    doctorName: r.doctor_name,
    patientName: r.patient_name,
    senderName: r.sender_name,
    sentAt: r.sent_at,
    snippet: snippetAround(r.message_text, query),
  }));
}
