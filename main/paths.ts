import * as nodeFs from 'node:fs';
import { homedir as osHomedir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, posix, win32, type PlatformPath } from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from './connection/start-failure.ts';

export const APP_FOLDER_NAME = 'Clinic desk';
export const DATABASE_FILE_NAME = 'clinic.sqlite';
/** Left in the old Windows folder after the database moved out of it. */
export const MOVED_NOTE_FILE_NAME = 'MOVED-TO.txt';
/** The old database is kept under this name, never deleted (see migrateLegacyDataFolder). */
export const MOVED_DATABASE_SUFFIX = '.moved';

const pathFor = (platform: NodeJS.Platform): PlatformPath => (platform === 'win32' ? win32 : posix);

/**
 * The per-user folder, computed the way Electron's app.getPath('userData') does for productName
 * "Clinic desk". On Windows it is roaming (%APPDATA%): only window state stays there.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  homedir: string = osHomedir(),
): string {
  const path = pathFor(platform);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir, '.config'), APP_FOLDER_NAME);
}

/**
 * The folder of the database and connection.json. Windows: %PROGRAMDATA%\Clinic desk, one
 * clinic for every Windows account of a shared front-desk PC, on the local disk (a roaming
 * folder would follow domain profiles to other PCs and give each account a clinic of its own).
 * macOS and Linux: the per-user folder, as before.
 */
export function dataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  homedir: string = osHomedir(),
): string {
  if (platform !== 'win32') return userDataDir(platform, env, homedir);
  // process.env is case-insensitive on Windows; ALLUSERSPROFILE is the same folder on Vista+.
  const programData = env.PROGRAMDATA ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData';
  return win32.join(programData, APP_FOLDER_NAME);
}

export function defaultDatabaseFile(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  homedir: string = osHomedir(),
): string {
  return pathFor(platform).join(dataDir(platform, env, homedir), DATABASE_FILE_NAME);
}

/** Where a one-time move goes from and to: only Windows moved (roaming %APPDATA% → %PROGRAMDATA%). */
export function legacyDataFolderMove(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  homedir: string,
): { from: string; to: string } | null {
  if (platform !== 'win32') return null;
  const from = userDataDir(platform, env, homedir);
  const to = dataDir(platform, env, homedir);
  return win32.normalize(from).toLowerCase() === win32.normalize(to).toLowerCase() ? null : { from, to };
}

/** The file operations the move uses (node:fs by default; tests may pass failing ones). */
export type MoveFs = Pick<
  typeof nodeFs,
  'existsSync' | 'statSync' | 'copyFileSync' | 'renameSync' | 'rmSync' | 'mkdirSync' | 'writeFileSync'
>;

export type MoveResult =
  | { status: 'not-needed' }
  | { status: 'moved'; from: string; to: string; files: string[] }
  | { status: 'finished-earlier-move'; from: string; to: string };

export interface MoveOptions {
  from: string;
  to: string;
  fs?: MoveFs;
  /** Throws when the copied database is not sound (default: read-only PRAGMA quick_check). */
  verify?: (file: string) => void;
  now?: () => Date;
}

const SIDE_FILES = ['-wal', '-shm'] as const;
/** Files that belong with the database (backup settings are inside the database itself). */
const EXTRA_FILES = ['connection.json'] as const;
const TEMP_SUFFIX = '.moving';

/** Opens the copy read-only and runs SQLite's quick integrity check (seconds even for a large clinic). */
export function quickCheckDatabase(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    if (problems.length > 0) throw new Error(`The copied database failed its check: ${problems.join('; ')}`);
  } finally {
    db.close();
  }
}

/**
 * Moves the database (and its -wal/-shm, connection.json) from the old folder to the new one,
 * once. Copy under temporary names, verify (same size, quick_check), rename into place with
 * clinic.sqlite last (its presence means "moved"), then leave MOVED-TO.txt in the old folder
 * and rename the old file to clinic.sqlite.moved. Nothing is ever deleted but leftovers of an
 * interrupted copy; a crash at any step leaves the old file usable and the next start retries.
 */
export function migrateLegacyDataFolder({
  from,
  to,
  fs = nodeFs,
  verify = quickCheckDatabase,
  now = () => new Date(),
}: MoveOptions): MoveResult {
  // Real files on this computer: the host's own path rules.
  const oldDb = join(from, DATABASE_FILE_NAME);
  const newDb = join(to, DATABASE_FILE_NAME);
  if (!fs.existsSync(oldDb)) return { status: 'not-needed' };
  if (fs.existsSync(newDb)) {
    // Only a move of ours that stopped after its last rename leaves the note next to clinic.sqlite.
    if (!fs.existsSync(join(from, MOVED_NOTE_FILE_NAME))) return { status: 'not-needed' };
    retireOldDatabase(fs, from);
    return { status: 'finished-earlier-move', from, to };
  }
  fs.mkdirSync(to, { recursive: true });
  // -wal/-shm without clinic.sqlite are leftovers of an interrupted move: never a database.
  for (const suffix of SIDE_FILES) fs.rmSync(newDb + suffix, { force: true });
  const present = SIDE_FILES.filter((suffix) => fs.existsSync(oldDb + suffix));
  const temp = newDb + TEMP_SUFFIX;
  const copies: [string, string][] = [[oldDb, temp], ...present.map((s): [string, string] => [oldDb + s, temp + s])];
  for (const [source, target] of copies) {
    fs.copyFileSync(source, target);
    if (fs.statSync(source).size !== fs.statSync(target).size) {
      throw new Error(`Copying ${source} to ${target} gave a file of another size.`);
    }
  }
  verify(temp);
  const moved = [DATABASE_FILE_NAME, ...present.map((s) => DATABASE_FILE_NAME + s)];
  for (const name of EXTRA_FILES) {
    const source = join(from, name);
    const target = join(to, name);
    if (!fs.existsSync(source) || fs.existsSync(target)) continue;
    fs.copyFileSync(source, target + TEMP_SUFFIX);
    fs.renameSync(target + TEMP_SUFFIX, target);
    moved.push(name);
  }
  fs.writeFileSync(join(from, MOVED_NOTE_FILE_NAME), movedNote(to, now()), 'utf8');
  for (const suffix of present) fs.renameSync(temp + suffix, newDb + suffix);
  fs.renameSync(temp, newDb);
  retireOldDatabase(fs, from);
  return { status: 'moved', from, to, files: moved };
}

/** The old copy keeps its -wal/-shm beside it under the new name, so it still opens as it was. */
function retireOldDatabase(fs: MoveFs, from: string): void {
  const oldDb = join(from, DATABASE_FILE_NAME);
  const kept = oldDb + MOVED_DATABASE_SUFFIX;
  for (const suffix of SIDE_FILES) if (fs.existsSync(oldDb + suffix)) fs.renameSync(oldDb + suffix, kept + suffix);
  if (fs.existsSync(oldDb)) fs.renameSync(oldDb, kept);
  for (const name of EXTRA_FILES) {
    const file = join(from, name);
    if (fs.existsSync(file)) fs.renameSync(file, file + MOVED_DATABASE_SUFFIX);
  }
}

function movedNote(to: string, at: Date): string {
  return [
    `Clinic desk moved its database from this folder to:`,
    `  ${to}`,
    `on ${at.toISOString()}, so that every Windows account of this computer uses the same clinic.`,
    ``,
    `${DATABASE_FILE_NAME}${MOVED_DATABASE_SUFFIX} is the old copy, kept as it was on that day. It is no`,
    `longer used; delete it once the clinic has checked that everything is there.`,
    `Backups made before a restore (pre-restore-backups), if any, were left here.`,
    ``,
  ].join('\r\n');
}

export interface PrepareDataFolderOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  homedir?: string;
  fs?: MoveFs;
  /**
   * Windows: lets every user of the PC change the files of a folder this run created (by default
   * only its creator could). The owner may change the folder's permissions without elevation.
   */
  grantUsersModify?: (folder: string) => void;
}

/**
 * Creates the data folder (shared on Windows) and runs the one-time move from the old folder.
 * Returns the folder and what the move did.
 */
export function prepareDataFolder({
  platform = process.platform,
  env = process.env,
  homedir = osHomedir(),
  fs = nodeFs,
  grantUsersModify = grantUsersModifyWithIcacls,
}: PrepareDataFolderOptions = {}): { folder: string; move: MoveResult } {
  const folder = dataDir(platform, env, homedir);
  if (!fs.existsSync(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    if (platform === 'win32') grantUsersModify(folder);
  }
  const plan = legacyDataFolderMove(platform, env, homedir);
  if (!plan) return { folder, move: { status: 'not-needed' } };
  try {
    return { folder, move: migrateLegacyDataFolder({ ...plan, fs }) };
  } catch (error) {
    // Starting on an empty new folder would hide the clinic (and stop later retries): stop instead.
    throw new StartupError(
      'other',
      `The clinic database could not be moved from ${plan.from} to ${plan.to}. Nothing was lost: it is still in the old folder and the move is tried again at the next start. Check that the disk has free space, or ask the administrator.`,
      error,
    );
  }
}

/** BUILTIN\\Users by its SID (locale-independent): Modify, inherited by files and subfolders. */
export function grantUsersModifyWithIcacls(folder: string): void {
  try {
    execFileSync('icacls', [folder, '/grant', '*S-1-5-32-545:(OI)(CI)M'], { stdio: 'ignore', windowsHide: true });
  } catch (error) {
    // Not fatal: this account can still use the clinic; others see a read-only database.
    console.warn('Could not let every Windows user change the Clinic desk data folder', folder, error);
  }
}
