import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '#db/connection.ts';
import { migrateTo } from '#db/migrate.ts';
import { StartupError } from '../../main/connection/start-failure.ts';
import { startFromChoice } from '../../main/connection/startup.ts';
import { createMemoryConnectionStore, type ConnectionStore } from '../../main/connection/store.ts';
import { DATABASE_FILE_NAME } from '../../main/paths.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// A failed start says what went wrong: only a server that cannot be reached is "unreachable"
// (and offers a retry); a failed migration or a PC older than its data is said as such, and
// the real cause is in the log instead of being swallowed.

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function userData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-start-'));
  dirs.push(dir);
  return dir;
}

function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

/** A store that kept a server and its password (as the keychain does). */
function keptServer(port: number): ConnectionStore {
  const server = { host: '127.0.0.1', port, database: 'clinic', user: 'desk', tls: false };
  return { load: () => ({ server, password: 'pw-Secret-42' }), save: () => ({ passwordKept: true }), clear: () => {} };
}

async function failure(start: Promise<unknown>): Promise<StartupError> {
  const error = await start.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  return error as StartupError;
}

describe('start-up failures', () => {
  it('asks to retry only when the server cannot be reached, logging the connection error', async () => {
    const logger = recordingLogger();
    const onServerUnreachable = vi.fn(async () => false);
    const core = await startFromChoice({
      userData: userData(),
      store: keptServer(await deadPort()),
      env: {},
      onServerUnreachable,
      core: { logger },
    });
    expect(core).toBeNull();
    expect(onServerUnreachable).toHaveBeenCalledOnce();
    expect(logger.entries).toEqual([
      expect.objectContaining({ level: 'error', details: expect.objectContaining({ kind: 'unreachable' }) }),
    ]);
    expect(logger.text()).toMatch(/ECONNREFUSED/);
    expect(logger.text()).not.toContain('pw-Secret-42');
  });

  it('reports a failed migration as such, with the failing step in the log', async () => {
    const dir = userData();
    // The file of an earlier release where a stray table blocks the next migration.
    const file = openSqlite(join(dir, DATABASE_FILE_NAME));
    await migrateTo(file.db, '0015_canonical_time_zone');
    file.raw.exec('CREATE TABLE app_meta (x INTEGER)');
    await file.close();
    const logger = recordingLogger();
    const onServerUnreachable = vi.fn(async () => true);
    const error = await failure(
      startFromChoice({
        userData: dir,
        store: createMemoryConnectionStore(),
        env: {},
        onServerUnreachable,
        core: { logger },
      }),
    );
    expect(error.kind).toBe('migration');
    expect(error.message).toMatch(/could not update the database’s tables/);
    expect(onServerUnreachable).not.toHaveBeenCalled();
    expect(logger.text()).toMatch(/Migration 0016_app_meta failed: table .+app_meta.+ already exists/);
  });

  it('refuses a PC older than the app that last migrated its file, naming both versions', async () => {
    const dir = userData();
    const newer = await startFromChoice({
      userData: dir,
      store: createMemoryConnectionStore(),
      env: {},
      onServerUnreachable: async () => false,
      core: { logger: recordingLogger(), appVersion: '3.1.0', hostName: 'FRONT-DESK' },
    });
    await newer?.close();
    const logger = recordingLogger();
    const error = await failure(
      startFromChoice({
        userData: dir,
        store: createMemoryConnectionStore(),
        env: {},
        onServerUnreachable: async () => true,
        core: { logger, appVersion: '3.0.2', hostName: 'BACK-OFFICE' },
      }),
    );
    expect(error.kind).toBe('app-outdated');
    expect(error.message).toMatch(
      /^This PC runs Clinic desk 3\.0\.2; the clinic's data file was updated to 3\.1\.0 by FRONT-DESK on \d{4}-\d\d-\d\d\. Update this PC\.$/,
    );
    expect(logger.text()).toMatch(/ServerNewerError/);
  });
});
