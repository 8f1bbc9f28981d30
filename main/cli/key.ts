import { parseArgs } from 'node:util';
import { fileEncryption, useDatabaseKey } from '#db/cipher.ts';
import { isPostgresUrl } from '#db/connection-any.ts';
import { parseKeyText } from '#db/database-key.ts';
import { CliFailure } from './args.ts';
import type { CliIo } from './io.ts';

// The key of an encrypted clinic for the command line: from CLINIC_DB_KEY (64 hex digits or
// the 24 recovery words) or, on a terminal, a prompt. Never from an argument: arguments end up
// in shell histories and process lists.

export const DB_KEY_ENV = 'CLINIC_DB_KEY';

/** Commands that create the file when it is not there. */
const CREATING = new Set(['migrate', 'seed']);

/** The SQLite files a command names: its database (--db) and the file it reads (--from). */
function filesIn(argv: readonly string[]): string[] {
  const { values } = parseArgs({
    args: [...argv],
    options: { db: { type: 'string' }, from: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return [values.db, values.from].filter((v): v is string => typeof v === 'string' && v !== '' && !isPostgresUrl(v));
}

function keyFrom(text: string, where: string): string {
  const parsed = parseKeyText(text);
  if (!parsed.ok) throw new CliFailure(`${where}: ${parsed.message}`);
  return parsed.key;
}

/**
 * The key for `files` from CLINIC_DB_KEY, else from `prompt` when one of them is encrypted
 * (null: none needed). A bad or missing key is a CliFailure with a plain sentence.
 */
export async function resolveDatabaseKey(
  files: readonly string[],
  env: CliIo['env'],
  prompt: CliIo['promptSecret'],
): Promise<string | null> {
  const fromEnv = env[DB_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return keyFrom(fromEnv, DB_KEY_ENV);
  const locked = files.find((file) => fileEncryption(file) === 'encrypted');
  if (locked === undefined) return null;
  const typed = prompt ? await prompt(`Key or recovery words for ${locked}: `) : null;
  if (typed === null || typed.trim() === '') {
    throw new CliFailure(
      `${locked} is encrypted. Set ${DB_KEY_ENV} to its key or its 24 recovery words, or run this in a terminal to be asked.`,
    );
  }
  return keyFrom(typed, 'The key typed');
}

/**
 * Sets the key this run opens its files with, before the command runs; on a new file for
 * migrate or seed, says whether the clinic is created encrypted or plain.
 */
export async function prepareDatabaseKey(command: string, argv: readonly string[], io: CliIo): Promise<void> {
  const files = filesIn(argv);
  const key = await resolveDatabaseKey(files, io.env, io.promptSecret);
  useDatabaseKey(key);
  const [dbFile] = files;
  if (CREATING.has(command) && dbFile !== undefined && fileEncryption(dbFile) === 'none') {
    io.err(
      key !== null
        ? `Creating an encrypted clinic database (key from ${DB_KEY_ENV}).`
        : `Creating a plain database, NOT encrypted. Set ${DB_KEY_ENV} to create an encrypted one.`,
    );
  }
}
