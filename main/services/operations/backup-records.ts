import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKind, BackupRow, BackupSettingsRow } from '#db/schema.ts';
import type { Backup, BackupSettings } from '#contract/operations.ts';

// Backup rows as the contract shows them, and the backup files' names.

export const toSettings = (row: BackupSettingsRow): BackupSettings => ({
  folder: row.folder,
  dailyTime: row.daily_time,
  keepCount: row.keep_count,
  enabled: row.enabled === 1,
  version: row.version,
});

export function toBackup(row: BackupRow): Backup {
  let rowCounts: Record<string, number>;
  try {
    rowCounts = row.row_counts_json ? (JSON.parse(row.row_counts_json) as Record<string, number>) : {};
  } catch {
    rowCounts = {};
  }
  return {
    backupId: row.backup_id,
    fileName: row.file_name,
    path: row.path,
    createdAt: row.created_at,
    sizeBytes: row.size_bytes,
    kind: row.kind,
    schemaVersion: row.schema_version,
    rowCounts,
    integrity: row.integrity_result,
    verified: row.verified,
    message: row.message,
    durationMs: row.duration_ms,
    deleted: row.deleted_at !== null,
  };
}

/** `clinic-2026-03-02T09-00-00Z-manual.sqlite`: sorts by time, safe on every file system. */
export function backupFileName(at: Date, kind: BackupKind): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `clinic-${stamp}-${kind}.sqlite`;
}

/** The name in the folder, with -2, -3… when a file of that name is there already. */
export function uniquePath(folder: string, name: string): string {
  let candidate = join(folder, name);
  for (let n = 2; existsSync(candidate); n++) candidate = join(folder, name.replace(/\.sqlite$/, `-${n}.sqlite`));
  return candidate;
}
