import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { DeskContext } from './booking.ts';
import type { Figure } from './measure.ts';

// A verified backup of the seeded database through `backups.run`, while another loop keeps
// reading through the dispatcher as a desk would: how long the backup takes, and the longest
// time a read had to wait during it (copy and verification alike). Baselines of the same
// file in the same run say what the disk and SQLite allow: a plain file copy, and the floor:
// the online backup API, the copy made one file, then `PRAGMA quick_check`, the schema version
// and every table's count, as the app verifies (backup-floor.ts, in a child process).

function plainCopyS(file: string, folder: string): number {
  const target = join(folder, 'baseline-copy.sqlite');
  const started = performance.now();
  copyFileSync(file, target);
  rmSync(target, { force: true });
  return (performance.now() - started) / 1000;
}

/** The floor (backup-floor.ts) in a child process, so its memory is not the desk's. */
function floorBackup(file: string, folder: string): { totalS: number; checkS: number } {
  const script = fileURLToPath(new URL('./backup-floor.ts', import.meta.url));
  const child = spawnSync(process.execPath, [script, file, join(folder, 'floor-backup.sqlite')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error('the backup floor failed');
  return JSON.parse(child.stdout) as { totalS: number; checkS: number };
}

export async function backupFigures(desk: DeskContext): Promise<Record<string, Figure>> {
  const { core, key } = desk;
  const folder = mkdtempSync(join(tmpdir(), 'clinic-bench-backups-'));
  try {
    const settings = await core.dispatcher.dispatch(key, 'backups.getSettings', {});
    if (!settings.ok) throw new Error(`backup settings: ${settings.error.message}`);
    const { version } = settings.value as { version: number };
    const saved = await core.dispatcher.dispatch(key, 'backups.updateSettings', {
      version,
      folder,
      dailyTime: '02:30',
      keepCount: 3,
      enabled: false,
    });
    if (!saved.ok) throw new Error(`backup settings: ${saved.error.message}`);

    const raw = core.database.raw;
    const file = raw.name;
    const copyBaselineS = plainCopyS(file, folder);
    const floor = floorBackup(file, folder);

    const maxId = Number(raw.prepare('SELECT max(appointment_id) FROM appointments').pluck().get());
    let running = true;
    let reads = 0;
    let longestPause = 0;
    let longestPauseAt = 0;
    const reader = (async () => {
      let last = performance.now();
      // The gap that ends with the backup counts too: a check that blocks to the very end
      // would otherwise never be measured (the loop would stop before the next read).
      for (let i = 0; ; i++) {
        const stop = !running;
        const result = await core.dispatcher.dispatch(key, 'appointments.get', {
          appointmentId: 1 + ((i * 7919) % maxId),
        });
        if (!result.ok) throw new Error(`read during backup: ${result.error.message}`);
        const now = performance.now();
        if (now - last > longestPause) {
          longestPause = now - last;
          longestPauseAt = now;
        }
        last = now;
        reads++;
        if (stop) return;
        // Let the event loop breathe, as a window's requests would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.now();
    let copiedAt = 0;
    const unsubscribe = core.hub.subscribe(key, (name, payload) => {
      if (name === 'backup.progress' && (payload as { percent: number }).percent >= 50 && !copiedAt) {
        copiedAt = performance.now();
      }
    });
    const backup = await core.dispatcher.dispatch(key, 'backups.run', {});
    const seconds = (performance.now() - started) / 1000;
    unsubscribe();
    running = false;
    await reader;
    loop.disable();
    if (!backup.ok) throw new Error(`backup failed: ${backup.error.message}`);
    const { verified, sizeBytes } = backup.value as { verified: string; sizeBytes: number };
    if (verified !== 'ok') throw new Error(`the backup was not verified: ${verified}`);
    const copyS = copiedAt ? (copiedAt - started) / 1000 : seconds;
    const mib = statSync(file).size / 1024 / 1024;
    return {
      backup_s: {
        value: seconds,
        unit: 's',
        goal: '< 3',
        note: `${(sizeBytes / 1024 / 1024).toFixed(0)} MiB: copy ${copyS.toFixed(1)} s, check ${(seconds - copyS).toFixed(1)} s; ${reads} reads meanwhile`,
      },
      backup_read_pause_ms: {
        value: longestPause,
        unit: 'ms',
        goal: 'info',
        note: `longest wait of a read (${longestPauseAt <= copiedAt || !copiedAt ? 'while copying' : 'while checking'}); event loop delay max ${(loop.max / 1e6).toFixed(0)} ms`,
      },
      backup_raw_copy_s: {
        value: copyBaselineS,
        unit: 's',
        goal: 'info',
        note: `plain copy of the ${mib.toFixed(0)} MiB file`,
      },
      backup_raw_check_s: {
        value: floor.checkS,
        unit: 's',
        goal: 'info',
        note: 'bare quick_check, schema version and counts of the floor copy',
      },
      backup_vs_floor: {
        value: seconds / floor.totalS,
        unit: '×',
        goal: '≤ 2',
        note: `ours with a desk reading throughout; floor alone: online backup, sealed, quick_check, schema version, counts: ${floor.totalS.toFixed(1)} s (${((floor.totalS * 1000) / mib).toFixed(1)} ms/MiB)`,
      },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
