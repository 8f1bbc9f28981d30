import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { migrateTo, migrateToLatest } from '#db/migrate.ts';
import { seedReadMarkers } from '../../main/cli/seed/messages.ts';
import { writeTx } from '#db/tx.ts';
import type { EventName } from '#contract/index.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { insertDoctor, insertPatient } from '../support/fixtures.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// What the database itself enforces for messaging, who hears message events, and migration 0008
// over a database with chats in it.

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

describe('database rules', () => {
  it('refuses a second chat for the same doctor and patient', async () => {
    await app.ok(world.desk, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    expect(() =>
      app.core.database.raw
        .prepare("INSERT INTO chats (doctor_id, patient_id, updated_at) VALUES (?, ?, '2026-03-02T09:00:00.000Z')")
        .run(world.doctor.userId, patientId),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it('keeps messages append-only: UPDATE and DELETE are refused', async () => {
    const thread = await app.ok(world.desk, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    const message = await app.ok(world.desk, 'messages.send', { chatId: thread.chatId, text: 'Original' });
    const raw = app.core.database.raw;
    expect(() => raw.prepare("UPDATE chat_messages SET message_text = 'Edited'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM chat_messages').run()).toThrow(/append-only/);
    expect(raw.prepare('SELECT message_id, message_text FROM chat_messages').all()).toEqual([
      { message_id: message.messageId, message_text: 'Original' },
    ]);
  });

  it('refuses a read marker for a thread or user that does not exist', () => {
    expect(() =>
      app.core.database.raw
        .prepare("INSERT INTO chat_read_markers (chat_id, user_id, updated_at) VALUES (999, 1, 'x')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('two desks opening the same thread at once get the same one', async () => {
    const [a, b, c] = await Promise.all([
      app.ok(world.desk, 'messages.openThread', { doctorId: world.doctor.userId, patientId }),
      app.ok(ADMIN_KEY, 'messages.openThread', { doctorId: world.doctor.userId, patientId }),
      app.ok(world.doctor.key, 'messages.openThread', { doctorId: world.doctor.userId, patientId }),
    ]);
    expect(new Set([a.chatId, b.chatId, c.chatId]).size).toBe(1);
    expect(app.core.database.raw.prepare('SELECT count(*) AS n FROM chats').get()).toEqual({ n: 1 });
  });
});

describe('events', () => {
  function listen(key: string): { name: EventName; payload: unknown }[] {
    const received: { name: EventName; payload: unknown }[] = [];
    app.core.hub.subscribe(key, (name, payload) => {
      if (name.startsWith('message.')) received.push({ name, payload });
    });
    return received;
  }

  it('message.sent reaches the thread’s doctor and the desks, never another doctor, a locked or signed-out window', async () => {
    const thread = await app.ok(world.desk, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    const desk = listen(world.desk);
    const admin = listen(ADMIN_KEY);
    const doctor = listen(world.doctor.key);
    const otherDoctor = listen(world.otherDoctor.key);
    const nobody = listen('test:not-signed-in');
    const message = await app.ok(world.desk, 'messages.send', { chatId: thread.chatId, text: 'Hello' });
    const expected = {
      name: 'message.sent',
      payload: { chatId: thread.chatId, messageId: message.messageId, doctorId: world.doctor.userId, patientId },
    };
    expect(desk).toEqual([expected]);
    expect(admin).toEqual([expected]);
    expect(doctor).toEqual([expected]);
    expect(otherDoctor).toEqual([]);
    expect(nobody).toEqual([]);

    await app.ok(world.doctor.key, 'auth.lock', {});
    await app.ok(world.desk, 'messages.send', { chatId: thread.chatId, text: 'While locked' });
    expect(doctor).toHaveLength(1);
    expect(desk).toHaveLength(2);
  });

  it('message.read goes only to the reader’s own windows', async () => {
    const thread = await app.ok(world.desk, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    const message = await app.ok(world.desk, 'messages.send', { chatId: thread.chatId, text: 'Hello' });
    const doctorSession = app.core.sessions.get(world.doctor.key);
    if (!doctorSession) throw new Error('no session');
    const secondWindow = 'test:doctor-second-window';
    app.core.sessions.start(secondWindow, doctorSession);
    const first = listen(world.doctor.key);
    const second = listen(secondWindow);
    const desk = listen(world.desk);
    await app.ok(world.doctor.key, 'messages.markRead', { chatId: thread.chatId, upToMessageId: message.messageId });
    const expected = [{ name: 'message.read', payload: { chatId: thread.chatId, userId: world.doctor.userId } }];
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(desk).toEqual([]);
  });

  it('broadcastWhere asks the audience about each connected window', () => {
    const got: string[] = [];
    for (const key of ['a', 'b', 'c']) app.core.hub.subscribe(key, () => got.push(key));
    app.core.hub.broadcastWhere('users.changed', { userId: 1 }, (key) => key !== 'b');
    expect(got).toEqual(['a', 'c']);
  });
});

describe('demo read markers', () => {
  it('leave only the last message of the three newest threads unread, and never for its sender', async () => {
    const chats: number[] = [];
    for (const name of ['A One', 'B Two', 'C Three', 'D Four']) {
      const patient = await world.patient(name);
      const thread = await app.ok(world.desk, 'messages.openThread', {
        doctorId: world.doctor.userId,
        patientId: patient,
      });
      await app.ok(world.desk, 'messages.send', { chatId: thread.chatId, text: `About ${name}` });
      app.clock.advanceMinutes(1);
      await app.ok(world.doctor.key, 'messages.send', { chatId: thread.chatId, text: `Reply about ${name}` });
      app.clock.advanceMinutes(1);
      chats.push(thread.chatId);
    }
    // As if bulk-written by the seed: nobody has read anything yet.
    app.core.database.raw.exec('DELETE FROM chat_read_markers');
    expect((await app.ok(world.desk, 'messages.unreadTotals', {})).total).toBe(4);
    expect((await app.ok(ADMIN_KEY, 'messages.unreadTotals', {})).total).toBe(8);
    await writeTx(app.core.database.db, (trx) => seedReadMarkers(trx, app.clock.now().toISOString()));
    const [, ...newest] = chats;
    const oneEach = Object.fromEntries(newest.map((id) => [String(id), 1]));
    expect(await app.ok(world.desk, 'messages.unreadTotals', {})).toEqual({ total: 3, byChat: oneEach });
    expect(await app.ok(ADMIN_KEY, 'messages.unreadTotals', {})).toEqual({ total: 3, byChat: oneEach });
    // The doctor sent those last messages: nothing unread for them; another doctor gets no markers.
    expect((await app.ok(world.doctor.key, 'messages.unreadTotals', {})).total).toBe(0);
    const otherDoctorMarkers = app.core.database.raw
      .prepare('SELECT count(*) AS n FROM chat_read_markers WHERE user_id = ?')
      .get(world.otherDoctor.userId);
    expect(otherDoctorMarkers).toEqual({ n: 0 });
  });
});

describe('migration 0008', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-msg-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds read markers over existing chats: old messages count as unread, none is lost', async () => {
    const handle = openSqlite(join(dir, 'clinic.sqlite'));
    try {
      await migrateTo(handle.db, '0006_waitlist');
      const doctorId = insertDoctor(handle.raw);
      const patient = insertPatient(handle.raw);
      handle.raw
        .prepare(
          "INSERT INTO chats (chat_id, doctor_id, patient_id, last_message, updated_at) VALUES (1, ?, ?, 'Hi', 'x')",
        )
        .run(doctorId, patient);
      handle.raw
        .prepare("INSERT INTO chat_messages (chat_id, sender_id, message_text, sent_at) VALUES (1, ?, 'Hi', 'x')")
        .run(doctorId);
      await migrateToLatest(handle.db);
      expect(handle.raw.prepare('SELECT count(*) AS n FROM chat_read_markers').get()).toEqual({ n: 0 });
      expect(handle.raw.prepare('SELECT message_text FROM chat_messages').all()).toEqual([{ message_text: 'Hi' }]);
      expect(() => handle.raw.prepare('DELETE FROM chat_messages').run()).toThrow(/append-only/);
    } finally {
      await handle.close();
    }
  });
});
