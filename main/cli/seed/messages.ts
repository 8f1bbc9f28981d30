import { sql } from 'kysely';
import type { Tx } from '#db/tx.ts';

// Read markers for the demo's conversations (planned in chats.ts and written in bulk with the
// schedule). Without them every seeded message would be unread for everybody; with them, each
// staff member who may read a thread has read it, except the last message of the few most
// recent threads, which stays unread for everyone but its sender, so the badges show something.

export const UNREAD_DEMO_THREADS = 3;

export async function seedReadMarkers(trx: Tx, at: string): Promise<void> {
  await sql`
    INSERT INTO chat_read_markers (chat_id, user_id, last_read_message_id, updated_at)
    SELECT c.chat_id, u.user_id,
      last.message_id - CASE
        WHEN c.chat_id IN (SELECT chat_id FROM chats ORDER BY updated_at DESC, chat_id DESC LIMIT ${UNREAD_DEMO_THREADS})
          AND u.user_id <> last.sender_id THEN 1
        ELSE 0 END,
      ${at}
    FROM chats c
    JOIN chat_messages last ON last.message_id = (SELECT max(m.message_id) FROM chat_messages m WHERE m.chat_id = c.chat_id)
    JOIN users u ON u.role IN ('admin', 'receptionist') OR u.user_id = c.doctor_id
    WHERE u.password_hash IS NOT NULL
    ON CONFLICT (chat_id, user_id) DO NOTHING
  `.execute(trx);
}
