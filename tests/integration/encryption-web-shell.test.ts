import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { databaseKeyInUse, fileEncryption, useDatabaseKey } from '#db/cipher.ts';
import { newDatabaseKey, recoveryWords } from '#db/database-key.ts';
import { startAppCore } from '../../main/app-core.ts';
import { NO_KEYCHAIN, prepareDesktopKey } from '../../main/encryption/desktop-key.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { startWebServer } from '../../main/web/server.ts';
import { startWebShell } from '../../main/web/web-start.ts';
import { createTestClock } from '../support/clock.ts';
import { ADMIN_PASSWORD } from '../support/test-app.ts';
import { fakeRendererDir, pageCaller } from '../support/web-shell.ts';

// The web shell started without CLINIC_DB_KEY and without a terminal (npm start from a
// shortcut) on an encrypted clinic: the browser shows the unlock page until the words are given.

const ADMIN = 'ada@clinic.test';
const clock = createTestClock(new Date('2026-12-08T09:00:00.000Z'));
let dir: string;
let dbFile: string;
let key: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-web-unlock-'));
  dbFile = join(dir, 'clinic.sqlite');
  key = newDatabaseKey();
  useDatabaseKey(key);
  const setUp = await startAppCore({ dbFile, logger: silentLogger, clock });
  const done = await setUp.dispatcher.dispatch('k', 'setup.complete', {
    clinicName: 'Test Clinic',
    clinicAddress: '1 Main Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    adminName: 'Ada Admin',
    adminEmail: ADMIN,
    adminPassword: ADMIN_PASSWORD,
  });
  expect(done.ok).toBe(true);
  await setUp.close();
  useDatabaseKey(null);
  expect(fileEncryption(dbFile)).toBe('encrypted');
});
afterEach(() => {
  useDatabaseKey(null);
  rmSync(dir, { recursive: true, force: true });
});

function startShell(announced: string[]) {
  const rendererDir = fakeRendererDir();
  return startWebShell({
    start: () => startAppCore({ dbFile, logger: silentLogger, clock }),
    listen: (core) => startWebServer({ core, rendererDir }),
    where: null,
    logger: silentLogger,
    clock,
    onHeld: (url) => void announced.push(url),
    prepareKey: (askOnScreen) => prepareDesktopKey({ dbFile, keeper: NO_KEYCHAIN, askKeyText: askOnScreen }),
  }).finally(() => rmSync(rendererDir, { recursive: true, force: true }));
}

describe('the web shell on an encrypted clinic', () => {
  it('asks for the recovery words on the page, refuses wrong ones by the field, then opens the app there', async () => {
    const announced: string[] = [];
    const started = startShell(announced);
    await vi.waitFor(() => expect(announced).toHaveLength(1), { timeout: 10_000 });
    const call = await pageCaller(announced[0] as string);
    expect(await call('setup.keyHold', {})).toEqual({ ok: true, value: { problem: null } });
    expect(await call('setup.upgradeHold', {})).toEqual({ ok: true, value: null });
    expect(await call('auth.signIn', { email: ADMIN, password: ADMIN_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    const otherClinic = recoveryWords(newDatabaseKey()).join(' ');
    expect(await call('setup.enterKey', { recoveryWords: otherClinic })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { recoveryWords: expect.any(String) } },
    });
    expect(await call('setup.enterKey', { recoveryWords: recoveryWords(key).join(' ') })).toEqual({
      ok: true,
      value: { done: true },
    });
    const shell = await started;
    expect(shell).not.toBeNull();
    try {
      expect(databaseKeyInUse()).toBe(key);
      expect(shell?.wasHeld).toBe(true);
      expect(await call('setup.keyHold', {})).toEqual({ ok: true, value: null });
      expect(await call('auth.signIn', { email: ADMIN, password: ADMIN_PASSWORD })).toMatchObject({ ok: true });
    } finally {
      await shell?.server.close();
      await shell?.core.close();
    }
  });
});
