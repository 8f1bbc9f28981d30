import { parse } from 'yaml';
import { z } from 'zod';

// The update feed electron-builder writes beside each installer (`npm run dist` with a generic
// publish entry): latest.yml on Windows, latest-mac.yml on macOS, latest-linux.yml on Linux.
// It names the version, the installer file and the installer's SHA-512 (base64).

export const FEED_FILE_NAMES: Readonly<Partial<Record<NodeJS.Platform, string>>> = {
  win32: 'latest.yml',
  darwin: 'latest-mac.yml',
  linux: 'latest-linux.yml',
};

/** A file name inside the update folder: no folders, no '..', nothing a URL would read as a path. */
const fileNameSchema = z
  .string()
  .min(1)
  .refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..' && !name.includes(':'), {
    error: 'The feed names a file outside the update folder.',
  });

const base64Sha512 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{86}==$/, { error: 'The feed’s sha512 is not a SHA-512 in base64.' });

const notesSchema = z
  .union([z.string(), z.array(z.object({ version: z.string(), note: z.string().nullable() }))])
  .optional()
  .transform((notes) =>
    notes === undefined
      ? null
      : typeof notes === 'string'
        ? notes
        : notes.map((n) => [n.version, n.note ?? ''].join('\n')).join('\n\n'),
  );

const feedSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { error: 'The feed’s version is not x.y.z.' }),
  files: z.array(z.object({ url: fileNameSchema, sha512: base64Sha512, size: z.number().int().positive() })).min(1),
  releaseDate: z.string().optional(),
  releaseNotes: notesSchema,
});

export interface UpdateFeed {
  version: string;
  /** The installer: its file name in the update folder, SHA-512 (base64) and size in bytes. */
  file: { name: string; sha512: string; size: number };
  releaseDate: string | null;
  /** What is new, as written when the release was built (null when none was). */
  releaseNotes: string | null;
}

/** A feed file that cannot be used; the message says why, for the admin. */
export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

/** Reads a latest*.yml; throws FeedError when it is not one, or names a file outside the folder. */
export function parseFeed(text: string): UpdateFeed {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    throw new FeedError('The update feed is not a valid YAML file.');
  }
  const feed = feedSchema.safeParse(data);
  if (!feed.success) {
    throw new FeedError(`The update feed cannot be used: ${feed.error.issues[0]?.message ?? 'unknown format'}`);
  }
  const [file] = feed.data.files;
  if (!file) throw new FeedError('The update feed names no installer.');
  return {
    version: feed.data.version,
    file: { name: file.url, sha512: file.sha512, size: file.size },
    releaseDate: feed.data.releaseDate ?? null,
    releaseNotes: feed.data.releaseNotes,
  };
}
