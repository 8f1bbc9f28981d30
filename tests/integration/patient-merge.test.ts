import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { assertScheduleInvariants } from '../support/schedule.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, type TestApp } from '../support/test-app.ts';

// Merging a duplicate patient through the real dispatcher (SQLite file, and PostgreSQL in the
// integration-pg project): every linked row moves in one step, threads with one doctor join in
// time order with exact unread counts, the tombstone's number finds the kept record, and an
// admin's undo restores the exact state before, unless something touched it since.
// Test clock: Monday 2026-03-02 09:00 in Europe/London.

let app: TestApp;
let world: DeskWorld;
let keptId: number;
let mergedId: number;
beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  keptId = await world.patient('Maria Perera', '07700 900111');
  mergedId = await world.patient('Maria Pereira', '07700 900222');
});
afterEach(async () => {
  assertScheduleInvariants(app);
  assertNoDanglingRows();
  await app.close();
});

const rows = (text: string, ...params: (number | string)[]) =>
  app.core.database.raw.prepare(text).all(...params) as Record<string, unknown>[];
const count = (text: string, ...params: number[]) =>
  Number((rows(`SELECT count(*) AS n FROM ${text}`, ...params)[0] as { n: number | string }).n);

/** No live row points at a tombstone, and every foreign key still finds its row. */
function assertNoDanglingRows(): void {
  const pointing = rows(
    `SELECT 'appointments' AS t, a.appointment_id AS id FROM appointments a JOIN patients p ON p.patient_id = a.patient_id WHERE p.merged_into_patient_id IS NOT NULL
     UNION ALL SELECT 'waitlist', w.waitlist_id FROM waitlist w JOIN patients p ON p.patient_id = w.patient_id WHERE p.merged_into_patient_id IS NOT NULL
     UNION ALL SELECT 'chats', c.chat_id FROM chats c JOIN patients p ON p.patient_id = c.patient_id WHERE p.merged_into_patient_id IS NOT NULL`,
  );
  expect(pointing).toEqual([]);
  if (app.core.database.kind !== 'postgres') expect(rows('PRAGMA foreign_key_check')).toEqual([]);
}

/** Rows linked to a patient, per table (payments, ledger and receipts through the appointments). */
function linked(patientId: number): Record<string, number> {
  const visits = 'JOIN appointments a ON a.appointment_id = x.appointment_id WHERE a.patient_id = ?';
  return {
    appointments: count('appointments WHERE patient_id = ?', patientId),
    reschedules: count(`appointment_reschedules x ${visits}`, patientId),
    statusHistory: count(`appointment_status_history x ${visits}`, patientId),
    payments: count(`payments x ${visits}`, patientId),
    ledgerEntries: count(`payment_ledger x ${visits}`, patientId),
    receipts: count(`receipts x ${visits}`, patientId),
    waitlist: count('waitlist WHERE patient_id = ?', patientId),
    chats: count('chats WHERE patient_id = ?', patientId),
    messages: count('chat_messages m JOIN chats c ON c.chat_id = m.chat_id WHERE c.patient_id = ?', patientId),
  };
}

const DUMPED = [
  'users',
  'patients',
  'appointments',
  'appointment_reschedules',
  'appointment_status_history',
  'doctor_availability',
  'payments',
  'payment_ledger',
  'receipts',
  'waitlist',
  'appointment_series',
  'chats',
  'chat_messages',
  'chat_read_markers',
];
const dump = () => Object.fromEntries(DUMPED.map((t) => [t, rows(`SELECT * FROM ${t} ORDER BY 1, 2`)]));

const send = async (key: string, chatId: number, text: string) => {
  app.clock.advanceMinutes(1);
  return (await app.ok(key, 'messages.send', { chatId, text })).messageId;
};
const openThread = (doctorId: number, patientId: number) =>
  app.ok(world.desk, 'messages.openThread', { doctorId, patientId });

/** Visits, money, a reschedule, a waitlist entry and threads on both records. */
async function history() {
  const book = async (date: string, time: string, patientId: number, doctorId = world.doctor.userId) =>
    (
      await app.ok(world.desk, 'appointments.book', {
        availabilityId: world.slot(date, time, doctorId),
        patientId,
      })
    ).appointmentId;
  await book('2026-03-03', '09:00', keptId);
  const moved = await book('2026-03-03', '10:00', mergedId);
  await app.ok(world.desk, 'payments.take', { appointmentId: moved, amount: '10.00', method: 'cash' });
  await app.ok(world.desk, 'appointments.reschedule', {
    appointmentId: moved,
    newAvailabilityId: world.slot('2026-03-04', '10:00'),
    reason: 'Asked for Wednesday',
  });
  const today = await book('2026-03-02', '09:30', mergedId, world.otherDoctor.userId);
  await app.ok(world.desk, 'appointments.checkIn', { appointmentId: today });
  await app.ok(world.desk, 'waitlist.add', {
    patientId: mergedId,
    doctorId: world.doctor.userId,
    fromDate: '2026-03-02',
    toDate: '2026-03-20',
  });
  const keptThread = (await openThread(world.doctor.userId, keptId)).chatId;
  const mergedThread = (await openThread(world.doctor.userId, mergedId)).chatId;
  const otherThread = (await openThread(world.otherDoctor.userId, mergedId)).chatId;
  const k1 = await send(world.doctor.key, keptThread, 'K1: bloods are back.');
  const m1 = await send(world.desk, mergedThread, 'M1: she called about her results.');
  const k2 = await send(world.doctor.key, keptThread, 'K2: please book a follow-up.');
  const m2 = await send(world.doctor.key, mergedThread, 'M2: tell her they are fine.');
  await send(world.otherDoctor.key, otherThread, 'O1: scan on Thursday.');
  // The desk read K1 (not K2) and never opened the merged thread; the doctor read M1.
  await app.ok(world.desk, 'messages.markRead', { chatId: keptThread, upToMessageId: k1 });
  await app.ok(world.doctor.key, 'messages.markRead', { chatId: mergedThread, upToMessageId: m1 });
  return { keptThread, mergedThread, otherThread, messages: { k1, m1, k2, m2 } };
}

async function merge(choices: Record<string, 'kept' | 'merged'> = {}) {
  const preview = await app.ok(world.desk, 'patients.mergePreview', {
    keptPatientId: keptId,
    mergedPatientId: mergedId,
  });
  return app.ok(world.desk, 'patients.merge', {
    keptPatientId: keptId,
    mergedPatientId: mergedId,
    keptVersion: preview.kept.version,
    mergedVersion: preview.merged.version,
    choices,
  });
}

describe('merging two records', () => {
  it('moves every linked row to the kept record in one step, with the chosen fields, audited with both records', async () => {
    await history();
    const keptVisit = Number(
      rows('SELECT appointment_id FROM appointments WHERE patient_id = ?', keptId)[0]?.appointment_id,
    );
    const [keptBefore, mergedBefore] = [linked(keptId), linked(mergedId)];
    const preview = await app.ok(world.desk, 'patients.mergePreview', {
      keptPatientId: keptId,
      mergedPatientId: mergedId,
    });
    expect(preview.moves).toEqual({
      appointments: mergedBefore.appointments,
      reschedules: mergedBefore.reschedules,
      payments: mergedBefore.payments,
      ledgerEntries: mergedBefore.ledgerEntries,
      receipts: mergedBefore.receipts,
      waitlistEntries: mergedBefore.waitlist,
      threadsMoved: 1,
      threadsJoined: 1,
      messages: mergedBefore.messages,
    });
    expect(preview.fields.find((f) => f.field === 'name')).toEqual({
      field: 'name',
      kept: 'Maria Perera',
      merged: 'Maria Pereira',
      differs: true,
    });
    expect(mergedBefore).toMatchObject({ appointments: 2, reschedules: 1, payments: 2, receipts: 1, waitlist: 1 });

    const events: { name: string; appointmentId: number }[] = [];
    app.core.hub.subscribe('watcher', (name, payload) =>
      events.push({ name, appointmentId: (payload as { appointmentId: number }).appointmentId }),
    );
    const result = await merge({ name: 'merged' });
    expect(result.moves).toEqual(preview.moves);
    // Every desk refreshes the visits that changed owner.
    const movedVisits = rows('SELECT appointment_id FROM appointments WHERE patient_id = ? ORDER BY 1', keptId)
      .map((r) => Number(r.appointment_id))
      .filter((id) => id !== keptVisit);
    expect(events).toEqual(movedVisits.map((appointmentId) => ({ name: 'appointment.changed', appointmentId })));
    const keptAfter = linked(keptId);
    for (const [table, n] of Object.entries(keptBefore)) {
      // Two threads with one doctor became one: one thread fewer than the two records had.
      const expected = table === 'chats' ? n + (mergedBefore[table] ?? 0) - 1 : n + (mergedBefore[table] ?? 0);
      expect({ table, n: keptAfter[table] }).toEqual({ table, n: expected });
    }
    expect(Object.values(linked(mergedId)).every((n) => n === 0)).toBe(true);
    const [kept] = rows(
      'SELECT u.name, u.phone, p.merged_into_patient_id, p.version FROM users u JOIN patients p ON p.patient_id = u.user_id WHERE u.user_id = ?',
      keptId,
    );
    expect(kept).toEqual({ name: 'Maria Pereira', phone: '07700900111', merged_into_patient_id: null, version: 2 });
    expect(rows('SELECT merged_into_patient_id FROM patients WHERE patient_id = ?', mergedId)).toEqual([
      { merged_into_patient_id: keptId },
    ]);
    const [audit] = rows("SELECT entity_id, before_json FROM audit_log WHERE action = 'patient.merge'");
    const before = JSON.parse(String(audit?.before_json)) as {
      kept: { user: { name: string } };
      merged: { user: { name: string } };
    };
    expect([audit?.entity_id, before.kept.user.name, before.merged.user.name]).toEqual([
      String(keptId),
      'Maria Perera',
      'Maria Pereira',
    ]);
  });

  it('joins two threads with one doctor into one, messages in time order, nobody’s unread message lost', async () => {
    const { keptThread, otherThread, messages } = await history();
    const unreadBefore = [
      (await app.ok(world.desk, 'messages.unreadTotals', {})).total,
      (await app.ok(world.doctor.key, 'messages.unreadTotals', {})).total,
    ];
    await merge();
    const page = await app.ok(world.desk, 'messages.page', { chatId: keptThread, limit: 50 });
    const inOrder = [...page.messages].reverse();
    expect(inOrder.map((m) => m.text.slice(0, 2))).toEqual(['K1', 'M1', 'K2', 'M2']);
    expect(inOrder.map((m) => m.sentAt)).toEqual(inOrder.map((m) => m.sentAt).sort());
    // The desk had K2 and M2 unread (M1 is its own); the doctor had nothing unread.
    const deskThread = await app.ok(world.desk, 'messages.thread', { chatId: keptThread });
    expect(deskThread).toMatchObject({ unreadCount: 2, lastMessage: 'M2: tell her they are fine.' });
    expect((await app.ok(world.doctor.key, 'messages.thread', { chatId: keptThread })).unreadCount).toBe(0);
    expect([
      (await app.ok(world.desk, 'messages.unreadTotals', {})).total,
      (await app.ok(world.doctor.key, 'messages.unreadTotals', {})).total,
    ]).toEqual(unreadBefore);
    expect(
      rows('SELECT last_read_message_id FROM chat_read_markers WHERE chat_id = ? ORDER BY user_id', keptThread),
    ).toEqual(
      expect.arrayContaining([{ last_read_message_id: messages.k2 - 1 }, { last_read_message_id: messages.m1 }]),
    );
    const other = await app.ok(world.otherDoctor.key, 'messages.thread', { chatId: otherThread });
    expect(other.patientId).toBe(keptId);
    // Message text stays append-only: the database still refuses an edit.
    expect(() => rows("UPDATE chat_messages SET message_text = 'changed' WHERE message_id = ?", messages.k1)).toThrow();
  });

  it('hides the tombstone from search and duplicates, while its patient number finds the kept record', async () => {
    await merge();
    const byNumber = await app.ok(world.desk, 'patients.search', { query: `P-${String(mergedId).padStart(6, '0')}` });
    expect(byNumber.map((p) => p.patientId)).toEqual([keptId]);
    const byOldPhone = await app.ok(world.desk, 'patients.search', { query: '07700 900222' });
    expect(byOldPhone.map((p) => p.patientId)).toEqual([keptId]);
    const byName = await app.ok(world.desk, 'patients.search', { query: 'Maria' });
    expect(byName.map((p) => p.patientId)).toEqual([keptId]);
    const duplicates = await app.ok(world.desk, 'patients.findDuplicates', {
      name: 'Maria Pereira',
      phone: '07700 900222',
      email: null,
    });
    expect(duplicates).toEqual([]);
    // The tombstone's own page (an old link) says where its patient is now.
    expect(await app.ok(world.doctor.key, 'patients.mergedInto', { patientId: mergedId })).toEqual({
      keptPatientId: keptId,
      keptPatientNumber: `P-${String(keptId).padStart(6, '0')}`,
    });
    expect(await app.ok(world.desk, 'patients.mergedInto', { patientId: keptId })).toBeNull();
    // Exports list the kept record only.
    const csv = (await app.ok(world.desk, 'exports.patientsCsv', { bom: false })).content;
    expect(csv).toContain(`P-${String(keptId).padStart(6, '0')}`);
    expect(csv).not.toContain(`P-${String(mergedId).padStart(6, '0')}`);
  });
});

describe('chains and stale screens', () => {
  it('re-points older tombstones and children, refuses new rows for a tombstone, and undo puts them back', async () => {
    const older = await world.patient('Maria Pereira-Silva', '07700 900333');
    const olderMerge = await app.ok(world.desk, 'patients.merge', {
      keptPatientId: mergedId,
      mergedPatientId: older,
      keptVersion: 1,
      mergedVersion: 1,
    });
    const child = await app.ok(world.desk, 'patients.register', {
      name: 'Nimal Pereira',
      phone: '07700 900444',
      email: null,
      medicalNotes: null,
      guardianPatientId: mergedId,
      confirmedNotDuplicate: true,
    });
    const before = dump();
    const { mergeId } = await merge();
    const olderNumber = await app.ok(world.desk, 'patients.search', { query: `P-${String(older).padStart(6, '0')}` });
    expect(olderNumber.map((p) => p.patientId)).toEqual([keptId]);
    expect(rows('SELECT guardian_patient_id FROM patients WHERE patient_id = ?', child.patientId)).toEqual([
      { guardian_patient_id: keptId },
    ]);
    // A screen opened before the merge books the tombstone: the database refuses it.
    const stale = await app.call(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-03', '11:00'),
      patientId: mergedId,
    });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    await app.ok(ADMIN_KEY, 'patients.undoMerge', { mergeId });
    expect(dump()).toEqual(before);
    const refused = await app.call(ADMIN_KEY, 'patients.undoMerge', { mergeId: olderMerge.mergeId });
    expect(refused.ok ? null : refused.error.message).toMatch(/can no longer be undone/);
  });
});

describe('undoing a merge', () => {
  it('restores the exact state before the merge, row for row', async () => {
    await history();
    const before = dump();
    const { mergeId } = await merge({ name: 'merged', phone: 'merged' });
    expect(dump()).not.toEqual(before);
    expect(await app.ok(ADMIN_KEY, 'patients.undoMerge', { mergeId })).toEqual({
      mergeId,
      keptPatientId: keptId,
      mergedPatientId: mergedId,
    });
    expect(dump()).toEqual(before);
    const search = await app.ok(world.desk, 'patients.search', { query: `P-${String(mergedId).padStart(6, '0')}` });
    expect(search.map((p) => p.patientId)).toEqual([mergedId]);
    expect(count("audit_log WHERE action = 'patient.undoMerge'")).toBe(1);
    const again = await app.call(ADMIN_KEY, 'patients.undoMerge', { mergeId });
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already undone/),
    });
  });

  it('is refused, naming what changed, once anything touched the records or the moved rows', async () => {
    const { keptThread } = await history();
    const { mergeId } = await merge();
    await send(world.doctor.key, keptThread, 'After the merge.');
    const afterMessage = dump();
    const refused = await app.call(ADMIN_KEY, 'patients.undoMerge', { mergeId });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/can no longer be undone: messages changed/),
    });
    expect(dump()).toEqual(afterMessage);

    const second = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-06', '11:00'),
      patientId: keptId,
    });
    expect(second.patientId).toBe(keptId);
    const stillRefused = await app.call(ADMIN_KEY, 'patients.undoMerge', { mergeId });
    expect(stillRefused.ok ? null : stillRefused.error.message).toMatch(/appointments/);
  });
});

describe('refusals', () => {
  it('lets doctors neither preview nor merge, and only admins undo', async () => {
    const input = { keptPatientId: keptId, mergedPatientId: mergedId };
    const preview = await app.call(world.doctor.key, 'patients.mergePreview', input);
    const merged = await app.call(world.doctor.key, 'patients.merge', { ...input, keptVersion: 1, mergedVersion: 1 });
    expect([preview, merged].map((r) => (r.ok ? null : r.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const { mergeId } = await merge();
    const byDesk = await app.call(world.desk, 'patients.undoMerge', { mergeId });
    expect(byDesk.ok ? null : byDesk.error.code).toBe('FORBIDDEN');
  });

  it('names the field for unknown or non-patient ids, the same record twice, a tombstone and a stale version', async () => {
    const fieldsOf = async (keptPatientId: number, mergedPatientId: number, version = 1) => {
      const result = await app.call(world.desk, 'patients.merge', {
        keptPatientId,
        mergedPatientId,
        keptVersion: version,
        mergedVersion: version,
      });
      return result.ok ? null : result.error;
    };
    expect((await fieldsOf(99999, mergedId))?.fields).toEqual({ keptPatientId: 'Choose a registered patient.' });
    expect((await fieldsOf(keptId, world.doctor.userId))?.fields).toEqual({
      mergedPatientId: 'Choose a registered patient.',
    });
    expect((await fieldsOf(keptId, keptId))?.fields?.mergedPatientId).toMatch(/cannot be merged into itself/);
    expect((await fieldsOf(keptId, mergedId, 7))?.code).toBe('STALE');
    const undo = await app.call(ADMIN_KEY, 'patients.undoMerge', { mergeId: 4242 });
    expect(undo.ok ? null : undo.error.fields).toEqual({ mergeId: 'Choose a merge to undo.' });
    await merge();
    const third = await world.patient('Maria P.');
    expect((await fieldsOf(third, mergedId, 2))?.fields?.mergedPatientId).toMatch(/already merged into P-\d{6}/);
    const bad = await app.call(world.desk, 'patients.merge', {
      keptPatientId: keptId,
      mergedPatientId: third,
      keptVersion: 2,
      mergedVersion: 1,
      choices: { name: 'neither' } as unknown as { name: 'kept' },
    });
    expect(bad.ok ? null : Object.keys(bad.error.fields ?? {})).toEqual(['choices.name']);
  });
});
