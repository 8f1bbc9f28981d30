import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { deskWorld, type DeskWorld } from '../support/front-desk.ts';
import { createTestApp, setUpClinic, signInNew, type TestApp } from '../support/test-app.ts';

// Two desks on two PCs: two app cores on one PostgreSQL database. What one desk changes
// reaches the other desk's windows within a second, through LISTEN/NOTIFY; nothing echoes
// back twice; windows that may not see an event (another doctor's messages) do not.

let app: TestApp;
let other: AppCore;
let world: DeskWorld;

beforeEach(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  world = await deskWorld(app);
  other = await startAppCore({ databaseUrl: app.dbFile, clock: app.clock, logger: silentLogger });
});
afterEach(async () => {
  await other.close();
  await app.close();
});

function collect(core: AppCore, key: string): string[] {
  const seen: string[] = [];
  core.hub.subscribe(key, (name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`));
  return seen;
}

async function within(ms: number, check: () => boolean): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe('live updates across PCs (PostgreSQL LISTEN/NOTIFY)', () => {
  it('brings a booking and a check-in at one desk to the other desk within a second, once each', async () => {
    const here = collect(app.core, 'here');
    const there = collect(other, 'there');
    const patientId = await world.patient('Kofi Live');
    const { appointmentId } = await app.ok(world.desk, 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '10:00'),
      patientId,
    });
    const changed = (seen: string[]) => seen.filter((e) => e.startsWith('appointment.changed'));
    await within(1000, () => changed(there).length === 1);
    await app.ok(world.desk, 'appointments.checkIn', { appointmentId });
    await within(1000, () => changed(there).length === 2);
    // A moment more for any stray echo to arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const expected = [
      `appointment.changed {"appointmentId":${appointmentId},"doctorId":${world.doctor.userId},"date":"2026-03-02","status":"scheduled"}`,
      `appointment.changed {"appointmentId":${appointmentId},"doctorId":${world.doctor.userId},"date":"2026-03-02","status":"checked_in"}`,
    ];
    expect(changed(there)).toEqual(expected);
    expect(changed(here)).toEqual(expected);
  });

  it('works the other way round too', async () => {
    const here = collect(app.core, 'here');
    const deskUser = app.core.sessions.get(world.desk);
    if (!deskUser) throw new Error('no desk session');
    other.sessions.start('pc2:desk', {
      userId: deskUser.userId,
      name: deskUser.name,
      email: deskUser.email,
      role: deskUser.role,
    });
    const patientId = await world.patient('Efua Other');
    const booked = await other.dispatcher.dispatch('pc2:desk', 'appointments.book', {
      availabilityId: world.slot('2026-03-02', '11:00'),
      patientId,
    });
    expect(booked.ok).toBe(true);
    const took = await within(1000, () => here.some((e) => e.startsWith('appointment.changed')));
    expect(took).toBeLessThan(1000);
  });

  it('sends a message only to the windows there that may read the thread', async () => {
    const desk2 = await signInNew(app, 'receptionist', 'Second Desk');
    const strangerDoctor = await signInNew(app, 'doctor', 'Dr Not Involved');
    // The same people signed in on the other PC's windows.
    for (const [key, userId, role] of [
      ['pc2:desk', desk2.userId, 'receptionist'],
      ['pc2:doctor', world.doctor.userId, 'doctor'],
      ['pc2:stranger', strangerDoctor.userId, 'doctor'],
    ] as const) {
      other.sessions.start(key, { userId, name: key, email: `${key}@clinic.test`, role });
    }
    const deskSeen = collect(other, 'pc2:desk');
    const doctorSeen = collect(other, 'pc2:doctor');
    const strangerSeen = collect(other, 'pc2:stranger');
    const patientId = await world.patient('Ama Message');
    const thread = await app.ok(world.desk, 'messages.openThread', { doctorId: world.doctor.userId, patientId });
    await app.ok(world.desk, 'messages.send', { chatId: thread.chatId, text: 'Results are in.' });
    const sent = (seen: string[]) => seen.filter((e) => e.startsWith('message.sent'));
    await within(1000, () => sent(deskSeen).length === 1 && sent(doctorSeen).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent(strangerSeen)).toEqual([]);
  });
});
