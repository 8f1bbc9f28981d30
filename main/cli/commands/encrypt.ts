import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseKeyInUse, fileEncryption } from '#db/cipher.ts';
import { newDatabaseKey, recoveryWords } from '#db/database-key.ts';
import { deletePlainCopy, EncryptRefused, encryptFile, PLAIN_COPY_SUFFIX } from '#db/encrypt-file.ts';
import { CliFailure, DB_OPTION, parseFlags, requiredFlag } from '../args.ts';
import type { CliIo } from '../io.ts';

/**
 * `encrypt --db FILE`: encrypts an existing plain clinic (stop the app first) with the key in
 * CLINIC_DB_KEY, or a new random one whose recovery words it prints once. The plain file is
 * kept beside it until `encrypt --db FILE --delete-plain-copy`, run once the clinic opens.
 */
export async function encryptCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, { ...DB_OPTION, 'delete-plain-copy': { type: 'boolean' } });
  const dbFile = resolve(requiredFlag(flags, 'db'));
  if (flags.values['delete-plain-copy'] === true) {
    if (fileEncryption(dbFile) !== 'encrypted')
      throw new CliFailure(`${dbFile} is not encrypted: its plain copy stays.`);
    io.out(
      deletePlainCopy(dbFile)
        ? `Deleted the plain copy ${dbFile}${PLAIN_COPY_SUFFIX}.`
        : 'There is no plain copy to delete.',
    );
    return 0;
  }
  if (!existsSync(dbFile)) throw new CliFailure(`There is no clinic database at ${dbFile}.`);
  const given = databaseKeyInUse();
  const key = given ?? newDatabaseKey();
  let result: ReturnType<typeof encryptFile>;
  try {
    result = encryptFile(dbFile, key);
  } catch (error) {
    if (error instanceof EncryptRefused) throw new CliFailure(error.message);
    throw error;
  }
  const rows = Object.values(result.rowCounts).reduce((a, b) => a + b, 0);
  io.out(`Encrypted ${dbFile} (${rows} rows checked). The plain file is kept at ${result.plainCopy}.`);
  if (given === null) {
    io.out('The key, shown once. Write the 24 recovery words down and keep them safe: without them the data is lost.');
    io.out(`Recovery words: ${recoveryWords(key).join(' ')}`);
    io.out(`Key (hex, for CLINIC_DB_KEY or the sqlcipher tool): ${key}`);
  }
  io.out(`Once the clinic opens with the key: npm run cli -- encrypt --db ${dbFile} --delete-plain-copy`);
  return 0;
}
