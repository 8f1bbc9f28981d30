import { readdirSync, readFileSync, statSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sql, type Kysely } from 'kysely';
import type { DatabaseChoice } from '#contract/connection.ts';
import type { Settings } from '#contract/index.ts';
import { LATEST_MIGRATION } from '#db/migrate.ts';
import type { Database } from '#db/schema.ts';
import { readDatabaseStamp } from '../connection/version-gate.ts';
import type { Clock } from '../services/core/clock.ts';

// "Export diagnostics" (Help menu and Admin): one zip an administrator sends to whoever supports
// the clinic. It holds what explains a problem and nothing about a patient or a secret: the recent
// log files (written with ids and codes only, secrets and person fields blanked: decision 96),
// versions, the clinic settings (no secrets in them), where the data lives without the password,
// the database's own check and schema version, and the names of local crash dumps (a dump is a
// copy of memory that may hold patient data, so only its name and size go in).

/** Logs of this many recent days go in; more would make the zip too large to e-mail. */
export const DIAGNOSTIC_LOG_DAYS = 7;
const MAX_LOG_BYTES = 20 * 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DiagnosticsInput {
  db: Kysely<Database>;
  kind: 'sqlite' | 'postgres';
  clock: Clock;
  appVersion: string;
  /** The log folder (main/logging/file-logger.ts), or null when logs go to the console only. */
  logDir: string | null;
  /** Electron's crashDumps folder, or null outside the desktop app. */
  crashDumpsDir: string | null;
  settings: Settings | null;
  /** Where the data lives (the server's summary never carries its password). */
  connection: DatabaseChoice;
}

export interface DiagnosticsFile {
  fileName: string;
  zip: Uint8Array;
}

interface FileEntry {
  name: string;
  bytes: number;
  modifiedAt: string;
}

function filesIn(dir: string | null, accept: (name: string) => boolean): (FileEntry & { path: string })[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return names.filter(accept).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() ? [{ name, path, bytes: stat.size, modifiedAt: stat.mtime.toISOString() }] : [];
  });
}

/** The newest log files of the last days, newest first, up to the size limit. */
function recentLogs(logDir: string | null, now: Date): (FileEntry & { path: string })[] {
  const since = now.getTime() - DIAGNOSTIC_LOG_DAYS * DAY_MS;
  const logs = filesIn(logDir, (name) => name.endsWith('.log'))
    .filter((file) => new Date(file.modifiedAt).getTime() >= since)
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  let total = 0;
  return logs.filter((file) => (total += file.bytes) <= MAX_LOG_BYTES);
}

async function databaseReport(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): Promise<Record<string, unknown>> {
  const migrations = (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows;
  const schema = {
    latestApplied: migrations.at(-1)?.name ?? null,
    applied: migrations.length,
    latestKnownToThisApp: LATEST_MIGRATION,
    lastMigratedBy: await readDatabaseStamp(db),
  };
  if (kind === 'sqlite') {
    const engine = (await sql<{ version: string }>`SELECT sqlite_version() AS version`.execute(db)).rows[0]?.version;
    const check = (await sql<{ quick_check: string }>`PRAGMA quick_check`.execute(db)).rows.map((r) => r.quick_check);
    return { engine: `SQLite ${engine ?? '?'}`, quickCheck: check, healthy: check.join() === 'ok', schema };
  }
  const engine = (await sql<{ version: string }>`SELECT version() AS version`.execute(db)).rows[0]?.version;
  return {
    engine: engine ?? 'PostgreSQL',
    quickCheck: null,
    healthy: null,
    note: 'A clinic server is checked with the server’s own tools (amcheck, pg_dump); nothing was run on it.',
    schema,
  };
}

const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** Builds the zip; reads the database (a quick_check on SQLite) and never writes to it. */
export async function buildDiagnostics(input: DiagnosticsInput): Promise<DiagnosticsFile> {
  const now = input.clock.now();
  const logs = recentLogs(input.logDir, now);
  const dumps = filesIn(input.crashDumpsDir, (name) => name.endsWith('.dmp')).map(({ name, bytes, modifiedAt }) => ({
    name,
    bytes,
    modifiedAt,
  }));
  const files: Zippable = {
    'README.txt': strToU8(
      [
        `Clinic desk ${input.appVersion} diagnostics, made ${now.toISOString()}.`,
        'versions.json: the app, its runtime and the computer.',
        'settings.json: the clinic settings and where the data lives (no passwords).',
        'database.json: the database check (SQLite quick_check) and schema version.',
        `logs/: the log files of the last ${DIAGNOSTIC_LOG_DAYS} days (ids and codes, no patient details).`,
        'crash-dumps.json: names and sizes of crash dumps on this computer (the dumps stay there).',
        '',
      ].join('\n'),
    ),
    'versions.json': json({
      app: input.appVersion,
      runtime: Object.fromEntries(
        ['node', 'electron', 'chrome', 'v8'].flatMap((k) => (process.versions[k] ? [[k, process.versions[k]]] : [])),
      ),
      os: { platform: platform(), release: release(), arch: arch() },
    }),
    'settings.json': json({ clinic: input.settings, connection: input.connection }),
    'database.json': json({ kind: input.kind, ...(await databaseReport(input.db, input.kind)) }),
    'crash-dumps.json': json(dumps),
    logs: Object.fromEntries(logs.map((file) => [file.name.replaceAll('\\', '/'), readFileSync(file.path)])),
  };
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `clinic-desk-diagnostics-${stamp}.zip`, zip: zipSync(files, { level: 6 }) };
}
