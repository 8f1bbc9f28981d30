import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A clinic's update folder as `npm run dist` leaves it: an installer and the latest.yml feed
// electron-builder writes for it (version, file, SHA-512 in base64, size).

export const sha512Base64 = (data: Buffer): string => createHash('sha512').update(data).digest('base64');

/** Writes the folder; `published` is what the feed describes, `content` what is really there. */
export function publishUpdate(options: {
  version: string;
  fileName: string;
  published: Buffer;
  content?: Buffer;
  notes?: string;
  folder?: string;
}): string {
  const folder = options.folder ?? mkdtempSync(join(tmpdir(), 'clinic-update-folder-'));
  writeFileSync(join(folder, options.fileName), options.content ?? options.published);
  const hash = sha512Base64(options.published);
  writeFileSync(
    join(folder, 'latest.yml'),
    [
      `version: ${options.version}`,
      'files:',
      `  - url: ${options.fileName}`,
      `    sha512: ${hash}`,
      `    size: ${options.published.length}`,
      `path: ${options.fileName}`,
      `sha512: ${hash}`,
      "releaseDate: '2026-12-01T10:00:00.000Z'",
      ...(options.notes ? ['releaseNotes: |', ...options.notes.split('\n').map((line) => `  ${line}`)] : []),
      '',
    ].join('\n'),
  );
  return folder;
}
