import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dataDir,
  defaultDatabaseFile,
  legacyDataFolderMove,
  migrateLegacyDataFolder,
  MOVED_NOTE_FILE_NAME,
  prepareDataFolder,
  type MoveFs,
  userDataDir,
} from '../../main/paths.ts';

const WIN_ENV = { APPDATA: 'C:\\Users\\desk\\AppData\\Roaming', PROGRAMDATA: 'C:\\ProgramData' };

describe('the data folder', () => {
  it('is %PROGRAMDATA% on Windows, the per-user folder on macOS and Linux', () => {
    expect(dataDir('win32', WIN_ENV, 'C:\\Users\\desk')).toBe('C:\\ProgramData\\Clinic desk');
    expect(dataDir('win32', {}, 'C:\\Users\\desk')).toBe('C:\\ProgramData\\Clinic desk');
    expect(defaultDatabaseFile('win32', { PROGRAMDATA: 'D:\\PD' }, 'C:\\Users\\desk')).toBe(
      'D:\\PD\\Clinic desk\\clinic.sqlite',
    );
    expect(dataDir('darwin', {}, '/Users/desk')).toBe('/Users/desk/Library/Application Support/Clinic desk');
    expect(dataDir('linux', {}, '/home/desk')).toBe('/home/desk/.config/Clinic desk');
    expect(defaultDatabaseFile('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/desk')).toBe(
      '/cfg/Clinic desk/clinic.sqlite',
    );
    expect(userDataDir('win32', WIN_ENV, 'C:\\Users\\desk')).toBe('C:\\Users\\desk\\AppData\\Roaming\\Clinic desk');
  });

  it('moves only on Windows, from roaming %APPDATA% to %PROGRAMDATA%', () => {
    expect(legacyDataFolderMove('win32', WIN_ENV, 'C:\\Users\\desk')).toEqual({
      from: 'C:\\Users\\desk\\AppData\\Roaming\\Clinic desk',
      to: 'C:\\ProgramData\\Clinic desk',
    });
    expect(legacyDataFolderMove('darwin', {}, '/Users/desk')).toBeNull();
    expect(legacyDataFolderMove('linux', {}, '/home/desk')).toBeNull();
  });

  it('creates the shared folder on Windows and lets every user change it, once', () => {
    const made = new Set<string>();
    const granted: string[] = [];
    const fakeFs = {
      existsSync: (path: fs.PathLike) => made.has(String(path)),
      mkdirSync: (path: fs.PathLike) => void made.add(String(path)),
    } as unknown as MoveFs;
    const run = () =>
      prepareDataFolder({
        platform: 'win32',
        env: WIN_ENV,
        homedir: 'C:\\Users\\desk',
        fs: fakeFs,
        grantUsersModify: (f) => granted.push(f),
      });
    expect(run()).toEqual({ folder: 'C:\\ProgramData\\Clinic desk', move: { status: 'not-needed' } });
    run();
    expect(granted).toEqual(['C:\\ProgramData\\Clinic desk']);
  });
});

describe('migrateLegacyDataFolder (real folders, a real SQLite file)', () => {
  let root: string;
  let from: string;
  let to: string;
  let writer: Database.Database | null;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'clinic-move-'));
    from = join(root, 'Roaming', 'Clinic desk');
    to = join(root, 'ProgramData', 'Clinic desk');
    fs.mkdirSync(from, { recursive: true });
    // A database left open (as after a crash): its last rows are only in clinic.sqlite-wal.
    writer = new Database(join(from, 'clinic.sqlite'));
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('Ana'), ('Ben')");
    fs.writeFileSync(join(from, 'connection.json'), '{"mode":"local"}');
  });
  afterEach(() => {
    writer?.close();
    writer = null;
    rmSync(root, { recursive: true, force: true });
  });

  const names = (file: string) =>
    (
      new Database(file, { readonly: true }).prepare('SELECT name FROM patients ORDER BY name').all() as {
        name: string;
      }[]
    ).map((row) => row.name);
  /** node:fs, but the first call of `method` whose paths match throws (a crash at that step). */
  const failingWhen = (
    method: 'copyFileSync' | 'renameSync',
    match: (source: string, target: string) => boolean,
  ): MoveFs => {
    let crashed = false;
    return {
      ...fs,
      [method]: (source: string, target: string) => {
        if (!crashed && match(source, target)) {
          crashed = true;
          throw new Error(`simulated crash in ${method}`);
        }
        fs[method](source, target);
      },
    };
  };

  it('copies, checks, then keeps the old file as clinic.sqlite.moved with a note', () => {
    expect(fs.existsSync(join(from, 'clinic.sqlite-wal'))).toBe(true);
    const result = migrateLegacyDataFolder({ from, to, now: () => new Date('2026-12-07T10:00:00Z') });
    expect(result).toEqual({
      status: 'moved',
      from,
      to,
      files: ['clinic.sqlite', 'clinic.sqlite-wal', 'clinic.sqlite-shm', 'connection.json'],
    });
    expect(names(join(to, 'clinic.sqlite'))).toEqual(['Ana', 'Ben']);
    expect(fs.readFileSync(join(to, 'connection.json'), 'utf8')).toBe('{"mode":"local"}');
    expect(fs.existsSync(join(from, 'clinic.sqlite'))).toBe(false);
    expect(names(join(from, 'clinic.sqlite.moved'))).toEqual(['Ana', 'Ben']);
    expect(fs.readFileSync(join(from, MOVED_NOTE_FILE_NAME), 'utf8')).toContain(to);
    expect(fs.readdirSync(to).filter((name) => name.includes('.moving'))).toEqual([]);
    // Once moved, later starts do nothing.
    expect(migrateLegacyDataFolder({ from, to })).toEqual({ status: 'not-needed' });
  });

  it('leaves an existing database in the new folder alone', () => {
    fs.mkdirSync(to, { recursive: true });
    fs.writeFileSync(join(to, 'clinic.sqlite'), 'already here');
    expect(migrateLegacyDataFolder({ from, to })).toEqual({ status: 'not-needed' });
    expect(fs.existsSync(join(from, 'clinic.sqlite'))).toBe(true);
    expect(fs.readFileSync(join(to, 'clinic.sqlite'), 'utf8')).toBe('already here');
  });

  it.each([
    ['mid-copy', () => failingWhen('copyFileSync', (source) => source.endsWith('-wal'))],
    ['before the last rename', () => failingWhen('renameSync', (_s, target) => target === join(to, 'clinic.sqlite'))],
  ])('a crash %s leaves the old file in use, and the next start finishes the move', (_when, crashing) => {
    expect(() => migrateLegacyDataFolder({ from, to, fs: crashing() })).toThrow(/simulated crash/);
    expect(fs.existsSync(join(to, 'clinic.sqlite'))).toBe(false);
    expect(names(join(from, 'clinic.sqlite'))).toEqual(['Ana', 'Ben']);
    expect(migrateLegacyDataFolder({ from, to }).status).toBe('moved');
    expect(names(join(to, 'clinic.sqlite'))).toEqual(['Ana', 'Ben']);
    expect(fs.existsSync(join(from, 'clinic.sqlite.moved'))).toBe(true);
  });

  it('finishes a move that stopped after its last rename by keeping the old file as .moved', () => {
    const crashing = failingWhen('renameSync', (source) => source === join(from, 'clinic.sqlite-wal'));
    expect(() => migrateLegacyDataFolder({ from, to, fs: crashing })).toThrow(/simulated crash/);
    expect(fs.existsSync(join(to, 'clinic.sqlite'))).toBe(true);
    expect(migrateLegacyDataFolder({ from, to })).toEqual({ status: 'finished-earlier-move', from, to });
    expect(fs.existsSync(join(from, 'clinic.sqlite'))).toBe(false);
    expect(names(join(from, 'clinic.sqlite.moved'))).toEqual(['Ana', 'Ben']);
  });

  it('refuses a copy that fails its check and keeps the old file', () => {
    // Copies of the right size but not a database (a bad disk); the WAL too, as it holds every page here.
    const corrupting: MoveFs = {
      ...fs,
      copyFileSync: (source: fs.PathLike, target: fs.PathLike) => {
        fs.copyFileSync(source, target);
        if (String(target).includes('.moving')) {
          fs.writeFileSync(target, Buffer.alloc(fs.statSync(target).size, 0x5a));
        }
      },
    };
    expect(() => migrateLegacyDataFolder({ from, to, fs: corrupting })).toThrow();
    expect(fs.existsSync(join(to, 'clinic.sqlite'))).toBe(false);
    expect(fs.existsSync(join(from, MOVED_NOTE_FILE_NAME))).toBe(false);
    expect(names(join(from, 'clinic.sqlite'))).toEqual(['Ana', 'Ben']);
  });
});
