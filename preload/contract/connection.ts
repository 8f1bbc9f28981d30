import { z } from 'zod';
import { channel, done, noInput } from './channel.ts';
import { credentialsSchema, secretTextSchema } from './fields.ts';

// Where the clinic's data lives, chosen on the first-run screen: this computer (a SQLite file)
// or the clinic's PostgreSQL server. Public channels, but main answers the test and the switch
// only while first-run setup is still needed and CLINIC_DATABASE_URL does not fix the choice.

export const DEFAULT_PG_PORT = 5432;
export const MIN_PG_MAJOR = 15;

// A host name (letters, digits, hyphens, dots), an IPv4 address or an IPv6 address: no scheme,
// no slash, no user or port in it.
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const hostMessage =
  'Enter the server’s name or IP address only, for example db.clinic.local or 192.168.1.20 (no postgres://, slash or port).';

export const serverHostSchema = z
  .string({ error: 'Enter the server’s name or IP address.' })
  .trim()
  .min(1, { error: 'Enter the server’s name or IP address.', abort: true })
  .refine((v) => HOST_NAME.test(v) || (v.includes(':') && IPV6.test(v)), hostMessage);

export const serverPortSchema = z
  .number({ error: 'Enter the port as a number from 1 to 65535 (PostgreSQL uses 5432).' })
  .int('Enter the port as a whole number from 1 to 65535.')
  .min(1, 'Enter a port from 1 to 65535 (PostgreSQL uses 5432).')
  .max(65_535, 'Enter a port from 1 to 65535 (PostgreSQL uses 5432).');

const identifierSchema = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, { error: `Enter the ${label}.`, abort: true })
    .regex(
      IDENTIFIER,
      `Use letters, digits and underscores for the ${label} (at most 63), starting with a letter or underscore.`,
    );

export const serverDatabaseSchema = identifierSchema('database name');
export const serverUserSchema = identifierSchema('user name');

export const serverPasswordSchema = secretTextSchema('password', 'Enter the database user’s password.')
  .min(1, 'Enter the database user’s password.')
  .max(1000, 'Use at most 1000 characters for the password.');

export const serverDetailsSchema = z.object({
  host: serverHostSchema,
  port: serverPortSchema,
  database: serverDatabaseSchema,
  user: serverUserSchema,
  password: serverPasswordSchema,
  tls: z.boolean({ error: 'Choose whether the connection is encrypted (TLS).' }),
});
export type ServerDetails = z.output<typeof serverDetailsSchema>;

/** The server details shown on screen: never the password. */
export const serverSummarySchema = z.object({
  host: z.string(),
  port: z.number(),
  database: z.string(),
  user: z.string(),
  tls: z.boolean(),
});
export type ServerSummary = z.infer<typeof serverSummarySchema>;

export const databaseChoiceSchema = z.object({
  /** Where the running app keeps the clinic's data now. */
  mode: z.enum(['local', 'server']),
  /** CLINIC_DATABASE_URL sets the server: the screen shows it and offers no choice. */
  fixedByEnvironment: z.boolean(),
  /** The choice may be made now (first-run setup still needed, not fixed). */
  canChoose: z.boolean(),
  /** The server in use, or the one remembered from last time (to fill the form); no password. */
  server: serverSummarySchema.nullable(),
});
export type DatabaseChoice = z.infer<typeof databaseChoiceSchema>;

export const serverProbeSchema = z.object({
  /** "16.4" */
  version: z.string(),
  /** empty: no tables; new: Clinic desk's tables but no clinic yet; clinic: set up (sign in). */
  state: z.enum(['empty', 'new', 'clinic']),
  clinicName: z.string().nullable(),
});
export type ServerProbe = z.infer<typeof serverProbeSchema>;

/**
 * This PC runs a newer Clinic desk than the clinic server's tables: the app started held, with
 * only the confirmation screen, until an administrator confirms updating the server here.
 */
export const upgradeHoldSchema = z.object({
  appVersion: z.string(),
  /** The version that last updated the server (null before the server recorded one). */
  serverVersion: z.string().nullable(),
  /** main's sentence: both versions, who updated the server last, and the fresh-backup advice. */
  message: z.string(),
});
export type UpgradeHold = z.infer<typeof upgradeHoldSchema>;

/** An encrypted clinic file this PC keeps no key for (no keychain, or another PC's file). */
export const keyHoldSchema = z.object({
  /** Why the last words were refused (null the first time). */
  problem: z.string().nullable(),
});
export type KeyHold = z.infer<typeof keyHoldSchema>;

export const connectionChannels = {
  'setup.keyHold': channel({
    description: 'Whether this PC waits for the recovery words of the encrypted clinic file (null if not).',
    access: 'public',
    input: noInput,
    output: keyHoldSchema.nullable(),
  }),
  'setup.enterKey': channel({
    description: 'While held: the 24 recovery words (or the 64-digit key) that open the encrypted clinic file.',
    access: 'public',
    input: z.object({
      recoveryWords: secretTextSchema('recovery words', 'Enter the 24 recovery words.')
        .min(1, 'Enter the 24 recovery words.')
        .max(1000, 'These are more than 24 recovery words.'),
    }),
    output: done,
  }),
  'setup.upgradeHold': channel({
    description: 'Whether this PC waits for an administrator to confirm updating the clinic server (null if not).',
    access: 'public',
    input: noInput,
    output: upgradeHoldSchema.nullable(),
  }),
  'setup.confirmUpgrade': channel({
    description: 'While held: an administrator confirms updating the clinic server from this PC.',
    access: 'public',
    input: credentialsSchema,
    output: done,
  }),
  'setup.database': channel({
    description: 'Where the clinic’s data lives now and whether it may be chosen on this screen.',
    access: 'public',
    input: noInput,
    output: databaseChoiceSchema,
  }),
  'setup.testServer': channel({
    description: 'First run only: connects to a clinic server and says what it holds.',
    access: 'public',
    input: serverDetailsSchema,
    output: serverProbeSchema,
  }),
  'setup.useServer': channel({
    description: 'First run only: prepares the clinic server, remembers it and moves the app onto it.',
    access: 'public',
    input: serverDetailsSchema,
    output: z.object({
      needsSetup: z.boolean(),
      clinicName: z.string().nullable(),
      /** False when this computer has no safe place for the password: it is asked again next start. */
      passwordKept: z.boolean(),
    }),
  }),
  'setup.useLocal': channel({
    description: 'First run only: keeps the clinic’s data on this computer (back from a clinic server).',
    access: 'public',
    input: noInput,
    output: z.object({ needsSetup: z.boolean(), clinicName: z.string().nullable() }),
  }),
} as const;
