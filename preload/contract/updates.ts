import { z } from 'zod';
import { ADMIN, channel, done, noInput } from './channel.ts';
import { textSchema } from './fields.ts';

// Offline updates (main/updates/): each PC reads the clinic's update source (a folder on the
// clinic's share, or a URL on the clinic's own server), checks it at start and daily, and an
// administrator installs a newer version there. The source is kept per PC (updates.json in the
// data folder), because an outdated PC must still find its update when the clinic server refuses it.

const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

export const updateSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('folder'),
    path: textSchema('update folder', 'Enter the update folder.')
      .trim()
      .min(1, 'Enter the update folder, for example \\\\clinic-server\\updates\\clinic-desk.')
      .max(1000, 'Use at most 1000 characters for the folder.')
      .regex(ABSOLUTE_PATH, 'Enter the full path of the folder, for example \\\\clinic-server\\updates\\clinic-desk.'),
  }),
  z.object({
    kind: z.literal('url'),
    url: textSchema('update address', 'Enter the update address.')
      .trim()
      .max(1000, 'Use at most 1000 characters for the address.')
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), {
        error: 'Enter the address as http:// or https://, for example http://clinic-server/updates/.',
      }),
  }),
]);
export type UpdateSource = z.infer<typeof updateSourceSchema>;

export const updateCheckResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('current'), latest: z.string() }),
  z.object({
    status: z.literal('available'),
    version: z.string(),
    releaseDate: z.string().nullable(),
    /** What is new, as written by whoever published the release. */
    releaseNotes: z.string().nullable(),
  }),
  /** The source could not be read, or its feed or installer was refused: a sentence for the admin. */
  z.object({ status: z.literal('failed'), message: z.string() }),
]);

export const updateStatusSchema = z.object({
  appVersion: z.string(),
  source: updateSourceSchema.nullable(),
  checkedAt: z.string().nullable(),
  result: updateCheckResultSchema.nullable(),
  /** False in the web shell: only the desktop app installs. */
  canInstall: z.boolean(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updatesChannels = {
  'updates.status': channel({
    description: 'This PC’s version, its update source and the result of the last check.',
    access: ADMIN,
    input: noInput,
    output: updateStatusSchema,
  }),
  'updates.setSource': channel({
    description: 'Sets (or clears) where this PC looks for updates, then checks there.',
    access: ADMIN,
    input: z.object({ source: updateSourceSchema.nullable() }),
    output: updateStatusSchema,
  }),
  'updates.check': channel({
    description: 'Checks the update source now.',
    access: ADMIN,
    input: noInput,
    output: updateStatusSchema,
  }),
  'updates.install': channel({
    description: 'Fetches the newer version, checks its SHA-512 against the feed, and starts its installer.',
    access: ADMIN,
    input: noInput,
    output: done,
  }),
} as const;
