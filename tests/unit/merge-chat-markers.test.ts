import { describe, expect, it } from 'vitest';
import { joinedMarkers } from '../../main/services/patients/merge-chats.ts';

// Read markers when two threads with one doctor are joined: nobody's unread message may be
// hidden, and nothing read becomes unread where one marker can say it exactly.

const AT = '2026-03-02T09:00:00.000Z';
const DESK = 10;
const DOCTOR = 20;
// Thread 1 (kept) has messages 1, 3, 5; thread 2 (merged) has 2, 4, 6. Ids rise with time.
const messages = [
  { message_id: 1, chat_id: 1, sender_id: DOCTOR },
  { message_id: 2, chat_id: 2, sender_id: DOCTOR },
  { message_id: 3, chat_id: 1, sender_id: DOCTOR },
  { message_id: 4, chat_id: 2, sender_id: DESK },
  { message_id: 5, chat_id: 1, sender_id: DOCTOR },
  { message_id: 6, chat_id: 2, sender_id: DOCTOR },
];
const marker = (chatId: number, userId: number, last: number) => ({
  chat_id: chatId,
  user_id: userId,
  last_read_message_id: last,
  updated_at: AT,
});

describe('joined read markers', () => {
  it('stop just before the first message a reader had not read in its own thread', () => {
    const joined = joinedMarkers(messages, [marker(1, DESK, 5), marker(2, DESK, 2)], 1, AT);
    // The desk read all of thread 1 and up to 2 of thread 2: 6 is unread (4 is its own).
    expect(joined).toEqual([marker(1, DESK, 5)]);
  });

  it('count a thread a reader never opened as unread, and never hide an unread message', () => {
    const joined = joinedMarkers(messages, [marker(1, DESK, 3)], 1, AT);
    // Thread 2 was never read: 2 is the first unread message from someone else.
    expect(joined).toEqual([marker(1, DESK, 1)]);
  });

  it('keep the later marker when the reader had read everything in both', () => {
    const joined = joinedMarkers(messages, [marker(1, DOCTOR, 5), marker(2, DOCTOR, 4)], 1, AT);
    expect(joined).toEqual([marker(1, DOCTOR, 5)]);
  });
});
