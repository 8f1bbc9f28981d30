import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DeskContext } from './booking.ts';
import type { Figure } from './measure.ts';

// A verified backup of the seeded database through `backups.run`, while another loop keeps
// reading through the dispatcher as a desk would: how long the backup takes, and the longest
// time a read had to wait during it.

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

    const maxId = Number(core.database.raw.prepare('SELECT max(appointment_id) FROM appointments').pluck().get());
    let running = true;
    let reads = 0;
    let longestPause = 0;
    const reader = (async () => {
      let last = performance.now();
      for (let i = 0; running; i++) {
        const result = await core.dispatcher.dispatch(key, 'appointments.get', {
          appointmentId: 1 + ((i * 7919) % maxId),
        });
        if (!result.ok) throw new Error(`read during backup: ${result.error.message}`);
        const now = performance.now();
        longestPause = Math.max(longestPause, now - last);
        last = now;
        reads++;
        // Let the event loop breathe, as a window's requests would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const started = performance.now();
    const backup = await core.dispatcher.dispatch(key, 'backups.run', {});
    const seconds = (performance.now() - started) / 1000;
    running = false;
    await reader;
    if (!backup.ok) throw new Error(`backup failed: ${backup.error.message}`);
    const { verified, sizeBytes } = backup.value as { verified: string; sizeBytes: number };
    if (verified !== 'ok') throw new Error(`the backup was not verified: ${verified}`);
    return {
      backup_s: {
        value: seconds,
        unit: 's',
        goal: '< 3',
        note: `${(sizeBytes / 1024 / 1024).toFixed(0)} MiB copied and verified; ${reads} reads ran meanwhile`,
      },
      backup_read_pause_ms: { value: longestPause, unit: 'ms', goal: 'info', note: 'longest wait of a read' },
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
