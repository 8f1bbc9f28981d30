import { z } from 'zod';
import { ADMIN, channel, done } from './channel.ts';
import { textSchema } from './fields.ts';

// Encryption at rest of the built-in (SQLite) mode: what protects this clinic's file, and
// changing its key. Admin only. In clinic server mode the server's disk encryption applies.

export const REKEY_CONFIRMATION = 'NEW KEY';
export const ENCRYPT_CONFIRMATION = 'ENCRYPT';

/** A step that cannot be taken back, confirmed by typing its word (in capitals). */
const typedConfirmation = (word: string, what: string) =>
  z
    .object({ confirmation: textSchema('confirmation', `Type ${word} to confirm.`) })
    .refine((v) => v.confirmation.trim() === word, {
      message: `Type ${word} in capitals to confirm ${what}.`,
      path: ['confirmation'],
    });

export const encryptionStatusSchema = z.object({
  /** `server`: the data is on the clinic server (its own disk encryption applies). */
  mode: z.enum(['server', 'plain', 'encrypted']),
  /** The plain file kept after encrypting an existing clinic, until the admin deletes it. */
  plainCopyKept: z.boolean(),
  /** The key is kept in this computer's keychain (otherwise the recovery words are asked at start). */
  keyKeptOnThisComputer: z.boolean(),
});
export type EncryptionStatus = z.infer<typeof encryptionStatusSchema>;

/** A new key, as the admin sees it once. */
const newKeySchema = z.object({
  recoveryWords: z.array(z.string()).length(24),
  keyKeptOnThisComputer: z.boolean(),
  /** The printable recovery sheet (PDF), made with the words. */
  sheet: z.object({ fileName: z.string(), pdfBase64: z.string() }),
});
export type NewKey = z.infer<typeof newKeySchema>;

export const encryptionChannels = {
  'encryption.status': channel({
    description: "Whether this clinic's data file is encrypted, and where its key is kept.",
    access: ADMIN,
    input: z.object({}).strict(),
    output: encryptionStatusSchema,
  }),
  'encryption.firstRun': channel({
    description:
      'First run: whether the new clinic’s file can be encrypted here, and whether it is by default (when a keychain keeps the key).',
    access: 'public',
    input: z.object({}).strict(),
    output: z.object({ offered: z.boolean(), encryptByDefault: z.boolean() }),
  }),
  'encryption.encryptNew': channel({
    description:
      'First run: encrypts the new clinic’s data file with a new random key; returns its recovery words, shown once.',
    access: ADMIN,
    input: z.object({}).strict(),
    output: newKeySchema,
  }),
  'encryption.rekey': channel({
    description: 'Changes the key of the encrypted data file; returns the new recovery words, shown once.',
    access: ADMIN,
    input: typedConfirmation(REKEY_CONFIRMATION, 'the change of key'),
    output: newKeySchema,
  }),
  'encryption.encryptExisting': channel({
    description:
      'Encrypts a clinic that already holds data: a checked encrypted copy is swapped in, the plain file kept until the admin deletes it; returns the recovery words, shown once.',
    access: ADMIN,
    input: typedConfirmation(ENCRYPT_CONFIRMATION, "the encryption of the clinic's data"),
    output: newKeySchema,
  }),
  'encryption.deletePlainCopy': channel({
    description: 'Deletes the plain file kept after encrypting this clinic, once the encrypted data is known to work.',
    access: ADMIN,
    input: z.object({}).strict(),
    output: done,
  }),
};
