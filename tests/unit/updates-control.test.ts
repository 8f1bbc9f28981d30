import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createFileSourceStore,
  createMemorySourceStore,
  createUpdatesControl,
  type UpdatesControlOptions,
} from '../../main/updates/control.ts';
import { createTestClock } from '../support/clock.ts';
import { recordingLogger } from '../support/recording-logger.ts';
import { publishUpdate } from '../support/update-folder.ts';

// The Admin screen's view of this PC's updates, without Electron: `launch` (the desktop app's
// "run the installer and quit") is a recorder.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-updates-control-'));
  dirs.push(dir);
  return dir;
};

const INSTALLER = 'Clinic desk Setup 2.1.0.exe';
const installer = Buffer.from('MZ installer bytes '.repeat(5000));

function control(options: Partial<UpdatesControlOptions> = {}) {
  const launched: string[] = [];
  const updates = createUpdatesControl({
    store: createMemorySourceStore(),
    appVersion: '2.0.3',
    downloadsDir: tempDir(),
    clock: createTestClock(new Date('2026-12-07T08:00:00.000Z')),
    logger: recordingLogger(),
    platform: 'win32',
    launch: (path) => launched.push(path),
    ...options,
  });
  return { updates, launched };
}

describe('updates on this PC', () => {
  it('shows what is new after the source is set, and runs only the verified installer', async () => {
    const folder = publishUpdate({
      version: '2.1.0',
      fileName: INSTALLER,
      published: installer,
      notes: 'Receipts on 80 mm printers.',
    });
    const { updates, launched } = control();
    expect(updates.status()).toEqual({
      appVersion: '2.0.3',
      source: null,
      checkedAt: null,
      result: null,
      canInstall: true,
    });
    const status = await updates.setSource({ kind: 'folder', path: folder });
    expect(status).toMatchObject({
      source: { kind: 'folder', path: folder },
      checkedAt: '2026-12-07T08:00:00.000Z',
      result: { status: 'available', version: '2.1.0', releaseNotes: 'Receipts on 80 mm printers.\n' },
    });
    await updates.install();
    expect(launched).toHaveLength(1);
    expect(readFileSync(launched[0] ?? '').equals(installer)).toBe(true);
  });

  it('refuses a tampered installer: nothing runs and the admin reads why', async () => {
    const swapped = Buffer.from(installer);
    swapped[10] = 0x21;
    const folder = publishUpdate({ version: '2.1.0', fileName: INSTALLER, published: installer, content: swapped });
    const { updates, launched } = control();
    await updates.setSource({ kind: 'folder', path: folder });
    await expect(updates.install()).rejects.toMatchObject({ code: 'CONFLICT', message: /does not match its feed/ });
    expect(launched).toEqual([]);
    expect(updates.status().result).toMatchObject({ status: 'failed', message: /SHA-512/ });
  });

  it('says when this PC is up to date, when the folder is missing, and installs nothing then', async () => {
    const folder = publishUpdate({ version: '2.0.3', fileName: INSTALLER, published: installer });
    const { updates, launched } = control();
    expect((await updates.setSource({ kind: 'folder', path: folder })).result).toEqual({
      status: 'current',
      latest: '2.0.3',
    });
    await expect(updates.install()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await updates.setSource({ kind: 'folder', path: join(folder, 'gone') })).result).toEqual({
      status: 'failed',
      message: expect.stringMatching(/latest\.yml\) is missing/),
    });
    expect(launched).toEqual([]);
  });

  it('does not install in the web shell (no launcher)', async () => {
    const folder = publishUpdate({ version: '9.0.0', fileName: INSTALLER, published: installer });
    const { updates } = control({ launch: undefined });
    await updates.setSource({ kind: 'folder', path: folder });
    expect(updates.status()).toMatchObject({ canInstall: false, result: { status: 'available' } });
    await expect(updates.install()).rejects.toMatchObject({ code: 'CONFLICT', message: /desktop app/ });
  });

  it('keeps the source in updates.json across starts', () => {
    const file = join(tempDir(), 'updates.json');
    createFileSourceStore(file).save({ kind: 'url', url: 'http://clinic-server/updates/' });
    expect(createFileSourceStore(file).load()).toEqual({ kind: 'url', url: 'http://clinic-server/updates/' });
    expect(createFileSourceStore(join(tempDir(), 'none.json')).load()).toBeNull();
  });
});
