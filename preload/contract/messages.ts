import { z } from 'zod';
import { channel } from './channel.ts';
import { idSchema, ROLES, searchQuerySchema, textSchema } from './fields.ts';

// Internal messaging: one thread per doctor and patient between that doctor and the front desk.
// Every channel is open to all staff; main narrows a doctor to the threads of their own patients.

export const MESSAGE_MAX_LENGTH = 4000;

/** Code points, as the database's length() counts them (an emoji is one character). */
export const characterCount = (text: string): number => [...text].length;

export const messageTextSchema = textSchema('message', 'Write a message first.')
  .trim()
  .min(1, 'Write a message first.')
  .refine((text) => characterCount(text) <= MESSAGE_MAX_LENGTH, 'Use at most 4,000 characters.');

export const threadSchema = z.object({
  chatId: z.number(),
  doctorId: z.number(),
  doctorName: z.string(),
  patientId: z.number(),
  patientName: z.string(),
  patientNumber: z.string(),
  lastMessage: z.string().nullable(),
  updatedAt: z.string(),
  /** Messages from others after this user's read marker. */
  unreadCount: z.number(),
});
export type Thread = z.infer<typeof threadSchema>;

export const chatMessageSchema = z.object({
  messageId: z.number(),
  chatId: z.number(),
  senderId: z.number(),
  senderName: z.string(),
  senderRole: z.enum(ROLES),
  text: z.string(),
  sentAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const unreadTotalsSchema = z.object({
  total: z.number(),
  /** Unread count per thread with anything unread (chat id as the key). */
  byChat: z.record(z.string(), z.number()),
});
export type UnreadTotals = z.infer<typeof unreadTotalsSchema>;

const querySchema = searchQuerySchema;
const limitSchema = (max: number) => z.number().int().min(1).max(max).optional();

export const threadCursorSchema = z.object({ updatedAt: textSchema('list position').max(40), chatId: idSchema });

export const messagesChannels = {
  'messages.threads': channel({
    description: 'Threads this user may read, newest first, with unread counts; filters and a cursor.',
    access: 'staff',
    input: z.object({
      doctorId: idSchema.optional(),
      patientId: idSchema.optional(),
      unreadOnly: z.boolean().optional(),
      query: querySchema.optional(),
      cursor: threadCursorSchema.optional(),
      limit: limitSchema(200),
    }),
    output: z.object({ threads: z.array(threadSchema), nextCursor: threadCursorSchema.nullable() }),
  }),
  'messages.openThread': channel({
    description: 'The thread of a doctor and a patient, created if there is none yet.',
    access: 'staff',
    input: z.object({ doctorId: idSchema, patientId: idSchema }),
    output: threadSchema,
  }),
  'messages.thread': channel({
    description: 'One thread with this user’s unread count.',
    access: 'staff',
    input: z.object({ chatId: idSchema }),
    output: threadSchema,
  }),
  'messages.page': channel({
    description: 'A page of a thread’s messages, newest first, older than `before` when given.',
    access: 'staff',
    input: z.object({ chatId: idSchema, before: idSchema.optional(), limit: limitSchema(200) }),
    output: z.object({ messages: z.array(chatMessageSchema), hasMore: z.boolean() }),
  }),
  'messages.send': channel({
    description: 'Sends a message as the signed-in user; updates the thread’s last message.',
    access: 'staff',
    input: z.object({ chatId: idSchema, text: messageTextSchema }),
    output: chatMessageSchema,
  }),
  'messages.markRead': channel({
    description: 'Marks a thread read up to a message; returns this user’s unread totals.',
    access: 'staff',
    input: z.object({ chatId: idSchema, upToMessageId: idSchema }),
    output: unreadTotalsSchema,
  }),
  'messages.unreadTotals': channel({
    description: 'This user’s unread messages in all the threads they may read.',
    access: 'staff',
    input: z.object({}).strict(),
    output: unreadTotalsSchema,
  }),
  'messages.search': channel({
    description: 'Messages containing the text, in the threads this user may read, newest first.',
    access: 'staff',
    input: z.object({
      query: querySchema.min(2, 'Type at least 2 characters to search messages.'),
      doctorId: idSchema.optional(),
      limit: limitSchema(100),
    }),
    output: z.array(
      z.object({
        messageId: z.number(),
        chatId: z.number(),
        doctorName: z.string(),
        patientName: z.string(),
        senderName: z.string(),
        sentAt: z.string(),
        /** Plain text around the match; the renderer shows it as text. */
        snippet: z.string(),
      }),
    ),
  }),
};

export const messagesEvents = {
  /** A message was sent; only windows whose user may read the thread receive it. */
  'message.sent': z.object({ chatId: z.number(), messageId: z.number(), doctorId: z.number(), patientId: z.number() }),
  /** A user read a thread: that user's other windows clear the badge. */
  'message.read': z.object({ chatId: z.number(), userId: z.number() }),
};
