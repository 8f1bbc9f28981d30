import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, signInNew, tableCounts, type TestApp } from '../support/test-app.ts';

// Messaging through the real dispatcher on a real SQLite file: who may read and post, exact
// unread counts, the thread's last message, paging, and text rules.

let app: TestApp;
let world: DeskWorld;
let patientId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  patientId = await world.patient('Nadia Perera');
});
afterEach(() => app.close());

const open = (key: string, doctorId = world.doctor.userId, patient = patientId) =>
  app.ok(key, 'messages.openThread', { doctorId, patientId: patient });
const send = (key: string, chatId: number, text: string) => app.ok(key, 'messages.send', { chatId, text });
const unread = async (key: string) => (await app.ok(key, 'messages.unreadTotals', {})).total;

describe('threads', () => {
  it('opens one thread per doctor and patient, from any desk, and lists it for who may read it', async () => {
    const first = await open(world.desk);
    const again = await open(ADMIN_KEY);
    const fromDoctor = await open(world.doctor.key);
    expect(again.chatId).toBe(first.chatId);
    expect(fromDoctor.chatId).toBe(first.chatId);
    expect(first).toMatchObject({
      doctorName: 'Dr Ama Mensah',
      patientName: 'Nadia Perera',
      patientNumber: expect.stringMatching(/^P-\d{6}$/),
      lastMessage: null,
      unreadCount: 0,
    });
    const listed = await app.ok(world.doctor.key, 'messages.threads', {});
    expect(listed.threads.map((t) => t.chatId)).toEqual([first.chatId]);
    expect((await app.ok(world.otherDoctor.key, 'messages.threads', {})).threads).toEqual([]);
  });

  it('keeps another doctor out: not listed, not readable, no posting, no opening, no search hits', async () => {
    const thread = await open(world.desk);
    await send(world.desk, thread.chatId, 'Mrs Perera called about her blood results.');
    const other = world.otherDoctor.key;
    const before = await tableCounts(app);
    for (const [channel, input] of [
      ['messages.thread', { chatId: thread.chatId }],
      ['messages.page', { chatId: thread.chatId }],
      ['messages.send', { chatId: thread.chatId, text: 'Let me see.' }],
      ['messages.markRead', { chatId: thread.chatId, upToMessageId: 1 }],
    ] as const) {
      const result = await app.call(other, channel, input);
      expect(result.ok ? null : result.error.code, channel).toBe('NOT_FOUND');
    }
    const opening = await app.call(other, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    expect(opening.ok ? null : opening.error.code).toBe('FORBIDDEN');
    expect(await app.ok(other, 'messages.search', { query: 'blood' })).toEqual([]);
    expect(await app.ok(other, 'messages.unreadTotals', {})).toEqual({ total: 0, byChat: {} });
    expect(await tableCounts(app)).toEqual(before);
    // The thread's own doctor, receptionists and admins see it.
    expect(await app.ok(world.doctor.key, 'messages.search', { query: 'BLOOD' })).toHaveLength(1);
    expect(await app.ok(ADMIN_KEY, 'messages.search', { query: 'blood' })).toEqual([
      expect.objectContaining({ chatId: thread.chatId, senderName: 'Rosa Desk', patientName: 'Nadia Perera' }),
    ]);
  });

  it('a doctor may open threads for their own patients only; unknown doctors and patients are field errors', async () => {
    const mine = await app.call(world.doctor.key, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    expect(mine.ok).toBe(true);
    const noPatient = await app.call(world.desk, 'messages.openThread', {
      doctorId: world.doctor.userId,
      patientId: 9999,
    });
    expect(noPatient).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { patientId: expect.any(String) } },
    });
    // A receptionist is a user but not a doctor.
    const notDoctor = await app.call(world.desk, 'messages.openThread', { doctorId: 1, patientId });
    expect(notDoctor).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { doctorId: expect.any(String) } },
    });
  });

  it('lists threads newest first, filtered by doctor, patient, unread and text, in pages', async () => {
    const otherPatient = await world.patient('Kofi Boateng');
    const a = await open(world.desk);
    app.clock.advanceMinutes(1);
    const b = await open(world.desk, world.otherDoctor.userId);
    app.clock.advanceMinutes(1);
    const c = await open(world.desk, world.doctor.userId, otherPatient);
    app.clock.advanceMinutes(1);
    await send(world.doctor.key, a.chatId, 'Please move her to Friday.');
    const all = await app.ok(world.desk, 'messages.threads', {});
    expect(all.threads.map((t) => t.chatId)).toEqual([a.chatId, c.chatId, b.chatId]);
    expect(all.nextCursor).toBeNull();
    const byDoctor = await app.ok(world.desk, 'messages.threads', { doctorId: world.otherDoctor.userId });
    expect(byDoctor.threads.map((t) => t.chatId)).toEqual([b.chatId]);
    const byPatient = await app.ok(world.desk, 'messages.threads', { patientId: otherPatient });
    expect(byPatient.threads.map((t) => t.chatId)).toEqual([c.chatId]);
    const unreadOnly = await app.ok(world.desk, 'messages.threads', { unreadOnly: true });
    expect(unreadOnly.threads.map((t) => [t.chatId, t.unreadCount])).toEqual([[a.chatId, 1]]);
    const byText = await app.ok(world.desk, 'messages.threads', { query: 'boateng' });
    expect(byText.threads.map((t) => t.chatId)).toEqual([c.chatId]);

    const first = await app.ok(world.desk, 'messages.threads', { limit: 2 });
    expect(first.threads.map((t) => t.chatId)).toEqual([a.chatId, c.chatId]);
    const cursor = first.nextCursor ?? undefined;
    expect(cursor).toBeDefined();
    const second = await app.ok(world.desk, 'messages.threads', { limit: 2, cursor });
    expect(second).toEqual({ threads: [expect.objectContaining({ chatId: b.chatId })], nextCursor: null });
  });
});

describe('messages', () => {
  it('takes the sender from the session, never from the renderer', async () => {
    const thread = await open(world.desk);
    const result = await app.core.dispatcher.dispatch(world.desk, 'messages.send', {
      chatId: thread.chatId,
      text: 'Hello',
      senderId: world.doctor.userId,
    });
    expect(result.ok).toBe(true);
    const row = app.core.database.raw.prepare('SELECT sender_id FROM chat_messages').get() as { sender_id: number };
    const desk = app.core.sessions.get(world.desk);
    expect(row.sender_id).toBe(desk?.userId);
  });

  it('trims the text and refuses empty or over-long messages with a field error, writing nothing', async () => {
    const thread = await open(world.desk);
    const sent = await send(world.desk, thread.chatId, '  \n Can her 3 pm move to Friday?\n\n ');
    expect(sent.text).toBe('Can her 3 pm move to Friday?');
    const before = await tableCounts(app);
    for (const [text, message] of [
      ['   \n\t ', 'Write a message first.'],
      ['', 'Write a message first.'],
      ['x'.repeat(4001), 'Use at most 4,000 characters.'],
      ['😀'.repeat(4001), 'Use at most 4,000 characters.'],
    ] as const) {
      const result = await app.call(world.desk, 'messages.send', { chatId: thread.chatId, text });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { text: message } } });
    }
    expect(await tableCounts(app)).toEqual(before);
    // 4,000 characters exactly, counted as the database counts them (an emoji is one).
    const longest = await send(world.desk, thread.chatId, `  ${'😀'.repeat(4000)}  `);
    expect([...longest.text]).toHaveLength(4000);
  });

  it('stores the text as given (no escaping) and keeps last_message and updated_at with the latest message', async () => {
    const thread = await open(world.desk);
    app.clock.advanceMinutes(5);
    const payload = '<script>window.__xss = 1</script> & "quotes"';
    const first = await send(world.desk, thread.chatId, payload);
    expect(first.text).toBe(payload);
    app.clock.advanceMinutes(5);
    const second = await send(world.doctor.key, thread.chatId, 'Second');
    const row = app.core.database.raw
      .prepare('SELECT last_message, updated_at FROM chats WHERE chat_id = ?')
      .get(thread.chatId) as { last_message: string; updated_at: string };
    expect(row).toEqual({ last_message: 'Second', updated_at: second.sentAt });
    const listed = await app.ok(world.desk, 'messages.thread', { chatId: thread.chatId });
    expect(listed).toMatchObject({ lastMessage: 'Second', updatedAt: second.sentAt });
    expect(second.sentAt > first.sentAt).toBe(true);
  });

  it('sends the message and moves last_message in one transaction: a failed update leaves neither', async () => {
    const thread = await open(world.desk);
    await send(world.desk, thread.chatId, 'Before');
    // Make the chats update fail inside the send's transaction.
    const postgres = app.core.database.kind === 'postgres';
    app.core.database.raw.exec(
      postgres
        ? `CREATE FUNCTION fail_chat_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no'; END $$;
           CREATE TRIGGER fail_chat_update BEFORE UPDATE ON chats FOR EACH ROW EXECUTE FUNCTION fail_chat_update();`
        : `CREATE TRIGGER fail_chat_update BEFORE UPDATE ON chats
      BEGIN SELECT RAISE(ABORT, 'no'); END`,
    );
    const result = await app.call(world.desk, 'messages.send', { chatId: thread.chatId, text: 'Lost' });
    expect(result.ok).toBe(false);
    app.core.database.raw.exec(postgres ? 'DROP TRIGGER fail_chat_update ON chats' : 'DROP TRIGGER fail_chat_update');
    const texts = app.core.database.raw.prepare('SELECT message_text FROM chat_messages').all();
    expect(texts).toEqual([{ message_text: 'Before' }]);
    expect((await app.ok(world.desk, 'messages.thread', { chatId: thread.chatId })).lastMessage).toBe('Before');
  });

  it('pages newest first with a before-cursor until nothing is left', async () => {
    const thread = await open(world.desk);
    const ids: number[] = [];
    for (let i = 1; i <= 7; i++) ids.push((await send(world.desk, thread.chatId, `Message ${i}`)).messageId);
    const first = await app.ok(world.doctor.key, 'messages.page', { chatId: thread.chatId, limit: 3 });
    expect(first.messages.map((m) => m.text)).toEqual(['Message 7', 'Message 6', 'Message 5']);
    expect(first.hasMore).toBe(true);
    expect(first.messages[0]).toMatchObject({ senderName: 'Rosa Desk', senderRole: 'receptionist' });
    const second = await app.ok(world.doctor.key, 'messages.page', {
      chatId: thread.chatId,
      limit: 3,
      before: first.messages.at(-1)?.messageId ?? 0,
    });
    expect(second.messages.map((m) => m.text)).toEqual(['Message 4', 'Message 3', 'Message 2']);
    const last = await app.ok(world.doctor.key, 'messages.page', {
      chatId: thread.chatId,
      limit: 3,
      before: second.messages.at(-1)?.messageId ?? 0,
    });
    expect(last).toEqual({ messages: [expect.objectContaining({ text: 'Message 1' })], hasMore: false });
  });

  it('finds messages by text with a plain-text snippet, % and _ matched literally', async () => {
    const thread = await open(world.desk);
    await send(world.desk, thread.chatId, `${'a'.repeat(100)} fasting glucose 100% normal ${'b'.repeat(100)}`);
    await send(world.desk, thread.chatId, 'Nothing here');
    const [hit, ...rest] = await app.ok(world.desk, 'messages.search', { query: '100%' });
    expect(rest).toEqual([]);
    expect(hit?.snippet).toMatch(/^….*fasting glucose 100% normal.*…$/);
    expect(await app.ok(world.desk, 'messages.search', { query: '_%' })).toEqual([]);
    const short = await app.call(world.desk, 'messages.search', { query: 'a' });
    expect(short).toMatchObject({ ok: false, error: { fields: { query: expect.any(String) } } });
  });
});

describe('unread counts', () => {
  it('count messages from others after the read marker, exactly, per user and thread', async () => {
    const thread = await open(world.desk);
    const secondDesk = await signInNew(app, 'receptionist', 'Sam Second');
    const chat = String(thread.chatId);

    // Send: the sender has nothing unread, everyone else who may read has one.
    await send(world.desk, thread.chatId, 'One');
    expect(await unread(world.desk)).toBe(0);
    expect(await app.ok(world.doctor.key, 'messages.unreadTotals', {})).toEqual({ total: 1, byChat: { [chat]: 1 } });
    expect(await unread(secondDesk.key)).toBe(1);
    expect(await unread(ADMIN_KEY)).toBe(1);
    expect(await unread(world.otherDoctor.key)).toBe(0);

    // Read: the doctor's count clears; others keep theirs.
    const two = await send(world.desk, thread.chatId, 'Two');
    expect(await unread(world.doctor.key)).toBe(2);
    expect(
      await app.ok(world.doctor.key, 'messages.markRead', { chatId: thread.chatId, upToMessageId: two.messageId }),
    ).toEqual({ total: 0, byChat: {} });
    expect(await unread(secondDesk.key)).toBe(2);

    // Send from two users: each sees only the other's message.
    const fromDoctor = await send(world.doctor.key, thread.chatId, 'Three (doctor)');
    await send(secondDesk.key, thread.chatId, 'Four (second desk)');
    expect(await unread(world.doctor.key)).toBe(1);
    expect(await unread(world.desk)).toBe(2);
    // The second desk's own send moved its marker past everything before it.
    expect(await unread(secondDesk.key)).toBe(0);
    expect((await app.ok(world.desk, 'messages.thread', { chatId: thread.chatId })).unreadCount).toBe(2);

    // Read again, partly: only up to the doctor's message; the marker never moves back.
    expect(
      (await app.ok(world.desk, 'messages.markRead', { chatId: thread.chatId, upToMessageId: fromDoctor.messageId }))
        .total,
    ).toBe(1);
    await app.ok(world.desk, 'messages.markRead', { chatId: thread.chatId, upToMessageId: 1 });
    expect(await unread(world.desk)).toBe(1);
    // Past the end is clamped to the thread's last message.
    await app.ok(world.desk, 'messages.markRead', { chatId: thread.chatId, upToMessageId: 10_000 });
    expect(await unread(world.desk)).toBe(0);
    await send(world.doctor.key, thread.chatId, 'Five');
    expect(await unread(world.desk)).toBe(1);
  });

  it('add up across threads in the totals and the thread list', async () => {
    const other = await world.patient('Kofi Boateng');
    const a = await open(world.desk);
    const b = await open(world.desk, world.doctor.userId, other);
    await send(world.doctor.key, a.chatId, 'A1');
    await send(world.doctor.key, b.chatId, 'B1');
    await send(world.doctor.key, b.chatId, 'B2');
    expect(await app.ok(world.desk, 'messages.unreadTotals', {})).toEqual({
      total: 3,
      byChat: { [String(a.chatId)]: 1, [String(b.chatId)]: 2 },
    });
    const { threads } = await app.ok(world.desk, 'messages.threads', {});
    expect(threads.map((t) => [t.chatId, t.unreadCount])).toEqual([
      [b.chatId, 2],
      [a.chatId, 1],
    ]);
  });
});
