import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { DeskContext } from './booking.ts';
import type { Figure } from './measure.ts';

// A verified backup of the seeded database through `backups.run`, while another loop keeps
// reading through the dispatcher as a desk would: how long the backup takes, and the longest
// time a read had to wait during it (copy and verification alike). Two baselines of the same
// file in the same run say what the disk and SQLite allow: a plain file copy and a bare
// `PRAGMA integrity_check` of that copy.

function baselines(file: string, folder: string): { copyS: number; checkS: number } {
  const target = join(folder, 'baseline-copy.sqlite');
  let started = performance.now();
  copyFileSync(file, target);
  const copyS = (performance.now() - started) / 1000;
  const conn = new BetterSqlite3(target, { readonly: true });
  try {
    started = performance.now();
    conn.pragma('integrity_check');
    return { copyS, checkS: (performance.now() - started) / 1000 };
  } finally {
    conn.close();
    rmSync(target, { force: true });
  }
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
    const base = baselines(file, folder);

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
        value: base.copyS,
        unit: 's',
        goal: 'info',
        note: `plain copy of the ${mib.toFixed(0)} MiB file`,
      },
      backup_raw_check_s: { value: base.checkS, unit: 's', goal: 'info', note: 'bare integrity_check of that copy' },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
