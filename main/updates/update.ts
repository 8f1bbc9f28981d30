import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { compareVersions } from '../services/core/app-version.ts';
import { FEED_FILE_NAMES, FeedError, parseFeed, type UpdateFeed } from './feed.ts';
import type { UpdateSource } from '#contract/updates.ts';
import { openSourceFile, readSourceText } from './source.ts';

// Checking the clinic's update source and fetching an installer from it. Plain Node: the
// desktop shell only runs the verified installer. An installer whose size or SHA-512 differs
// from the feed (a damaged copy, or a file someone swapped on the share) is deleted, never run.

export type UpdateCheck = { status: 'current'; latest: string } | { status: 'available'; update: UpdateFeed };

/** Reads the source's feed for this system and compares its version with this app's. */
export async function checkForUpdate(
  source: UpdateSource,
  appVersion: string,
  platform: NodeJS.Platform = process.platform,
): Promise<UpdateCheck> {
  const feedName = FEED_FILE_NAMES[platform];
  if (!feedName) throw new FeedError(`Clinic desk has no updates for ${platform}.`);
  const feed = parseFeed(await readSourceText(source, feedName));
  return compareVersions(feed.version, appVersion) > 0
    ? { status: 'available', update: feed }
    : { status: 'current', latest: feed.version };
}

/** The installer did not match its feed: it was deleted and must not be run. */
export class TamperedUpdateError extends Error {
  constructor(name: string, what: 'size' | 'sha512') {
    super(
      `The update ${name} does not match its feed (${what === 'size' ? 'size' : 'SHA-512 checksum'}), so it was deleted and not installed. Publish the update again into the update folder.`,
    );
    this.name = 'TamperedUpdateError';
  }
}

/**
 * Copies the installer into `folder`, hashing it on the way, and returns its path only when its
 * size and SHA-512 are the feed's. The copy is written under a temporary name and renamed last.
 */
export async function downloadUpdate(source: UpdateSource, update: UpdateFeed, folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, update.file.name);
  const partial = `${target}.partial`;
  const hash = createHash('sha512');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      // More bytes than the feed says: stop early, the file is not the one published.
      done(size > update.file.size ? new TamperedUpdateError(update.file.name, 'size') : null, chunk);
    },
  });
  try {
    await pipeline(await openSourceFile(source, update.file.name), measure, createWriteStream(partial));
    if (size !== update.file.size) throw new TamperedUpdateError(update.file.name, 'size');
    if (hash.digest('base64') !== update.file.sha512) throw new TamperedUpdateError(update.file.name, 'sha512');
    await rename(partial, target);
    return target;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
