import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { updateSourceSchema, type UpdateSource, type UpdateStatus } from '#contract/updates.ts';
import type { Clock } from '../services/core/clock.ts';
import { AppError } from '../services/core/errors.ts';
import type { Logger } from '../services/core/logger.ts';
import { FeedError, type UpdateFeed } from './feed.ts';
import { checkForUpdate, downloadUpdate, TamperedUpdateError } from './update.ts';

// This PC's updates as the Admin screen sees them: the source (kept in updates.json in the data
// folder), a check at start and once a day, and the install on an administrator's word. The
// desktop shell passes `launch`, which runs the verified installer and quits; the web shell
// has none, so it checks and shows what is new but does not install.

export const UPDATES_FILE_NAME = 'updates.json';
/** How often a running app looks for an update (also once at start). */
export const UPDATE_CHECK_MS = 24 * 60 * 60 * 1000;

export interface SourceStore {
  load(): UpdateSource | null;
  save(source: UpdateSource | null): void;
}

const fileSchema = z.object({ source: updateSourceSchema.nullable() });

/** updates.json, written under a temporary name and renamed (never half a file). */
export function createFileSourceStore(file: string): SourceStore {
  return {
    load() {
      try {
        return fileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).source;
      } catch {
        return null;
      }
    },
    save(source) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, `${JSON.stringify({ source }, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
    },
  };
}

export function createMemorySourceStore(initial: UpdateSource | null = null): SourceStore {
  let source = initial;
  return { load: () => source, save: (next) => void (source = next) };
}

export interface UpdatesControlOptions {
  store: SourceStore;
  appVersion: string;
  /** Where installers are copied to and checked before they run. */
  downloadsDir: string;
  clock: Clock;
  logger: Logger;
  platform?: NodeJS.Platform;
  /** Runs a verified installer (the desktop app); absent in the web shell. */
  launch?: (installerPath: string) => void;
}

export interface UpdatesControl {
  status(): UpdateStatus;
  setSource(source: UpdateSource | null): Promise<UpdateStatus>;
  check(): Promise<UpdateStatus>;
  install(): Promise<void>;
  /** Checks now and then daily; returns the function that stops it. */
  schedule(): () => void;
}

/** A sentence for the admin: our own errors say what happened; others say where to look. */
function failureMessage(error: unknown): string {
  if (error instanceof FeedError || error instanceof TamperedUpdateError) return error.message;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    return 'No update was found there: the folder or its feed file (latest.yml) is missing. Check the update source.';
  }
  return 'The update source could not be read. Check that this PC can reach it; the log has the details.';
}

export function createUpdatesControl(options: UpdatesControlOptions): UpdatesControl {
  const { store, appVersion, downloadsDir, clock, logger, platform = process.platform, launch } = options;
  let checkedAt: string | null = null;
  let result: UpdateStatus['result'] = null;
  let available: { source: UpdateSource; feed: UpdateFeed } | null = null;
  let installing = false;

  const status = (): UpdateStatus => ({
    appVersion,
    source: store.load(),
    checkedAt,
    result,
    canInstall: launch !== undefined,
  });

  async function check(): Promise<UpdateStatus> {
    const source = store.load();
    available = null;
    if (!source) {
      result = null;
      checkedAt = null;
      return status();
    }
    try {
      const found = await checkForUpdate(source, appVersion, platform);
      if (found.status === 'available') {
        available = { source, feed: found.update };
        const { version, releaseDate, releaseNotes } = found.update;
        result = { status: 'available', version, releaseDate, releaseNotes };
        logger.info('An update is available', { version });
      } else {
        result = { status: 'current', latest: found.latest };
      }
    } catch (error) {
      logger.warn('Checking for updates failed', { error });
      result = { status: 'failed', message: failureMessage(error) };
    }
    checkedAt = clock.now().toISOString();
    return status();
  }

  return {
    status,
    check,
    async setSource(source) {
      store.save(source);
      logger.info('Update source changed', { kind: source?.kind ?? null });
      return check();
    },
    async install() {
      if (!launch) throw new AppError('CONFLICT', 'Updates are installed from the desktop app, not from the browser.');
      if (!available) throw new AppError('CONFLICT', 'There is no newer version to install. Check for updates first.');
      if (installing) throw new AppError('CONFLICT', 'The update is already being installed.');
      installing = true;
      try {
        const installer = await downloadUpdate(available.source, available.feed, downloadsDir);
        logger.info('Starting the update installer', { version: available.feed.version });
        launch(installer);
      } catch (error) {
        logger.error('Installing the update failed', { error });
        result = { status: 'failed', message: failureMessage(error) };
        throw new AppError('CONFLICT', result.message);
      } finally {
        installing = false;
      }
    },
    schedule() {
      void check();
      const timer = setInterval(() => void check(), UPDATE_CHECK_MS);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
