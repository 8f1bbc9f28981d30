import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliLog } from '../../main/logging/cli-log.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// The CLI writes its log beside the database file a command opens (or in CLINIC_LOG_DIR), and
// no file for a server URL without CLINIC_LOG_DIR, so throwaway runs never fill the user folder.

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI log', () => {
  it('opens logs/ beside the database file once, and writes crash lines to stderr and the file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-cli-log-'));
    const stderr = recordingLogger();
    const log = createCliLog({}, stderr);
    log.logger.error('before any database');
    expect(readdirSync(dir)).toEqual([]);
    const file = await log.open(join(dir, 'c.sqlite'));
    expect(await log.open(join(dir, 'other.sqlite'))).toBe(file);
    log.logger.error('after opening', { code: 'X1' });
    await log.close();
    const [name] = readdirSync(join(dir, 'logs'));
    const text = readFileSync(join(dir, 'logs', name ?? ''), 'utf8');
    expect(text).toContain('after opening');
    expect(text).not.toContain('before any database');
    expect(stderr.entries.map((e) => e.message)).toEqual(['before any database', 'after opening']);
  });

  it('uses CLINIC_LOG_DIR, and opens nothing for a server URL without it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clinic-cli-log-'));
    const server = createCliLog({}, recordingLogger());
    expect(await server.open('postgres://u@localhost/clinic')).toBeNull();
    const chosen = createCliLog({ CLINIC_LOG_DIR: join(dir, 'chosen') }, recordingLogger());
    expect(await chosen.open('postgres://u@localhost/clinic')).not.toBeNull();
    await chosen.close();
    expect(readdirSync(join(dir, 'chosen'))).toHaveLength(1);
  });
});
