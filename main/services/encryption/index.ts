import { existsSync } from 'node:fs';
import { changeKey, databaseKeyInUse, fileEncryption, useDatabaseKey } from '#db/cipher.ts';
import { newDatabaseKey, recoveryWords } from '#db/database-key.ts';
import { deletePlainCopy as removePlainCopy, PLAIN_COPY_SUFFIX } from '#db/encrypt-file.ts';
import { writeTx } from '#db/tx.ts';
import type { EncryptionStatus, NewKey } from '#contract/encryption.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { OperationsHost } from '../operations/index.ts';
import { keyKeeper } from './key-keeper.ts';

export { keyKeeper, useKeyKeeper, type KeyKeeper } from './key-keeper.ts';

const SERVER_MODE = 'The data is on the clinic server: its own disk encryption protects it, not a key in this app.';

/** The words and the printable sheet of a new key (the PDF code is loaded only here). */
async function sheetFor(words: readonly string[], madeOn: string): Promise<NewKey['sheet']> {
  const [{ recoverySheetDocument, RECOVERY_SHEET_FILE_NAME }, { renderPdfBase64 }] = await Promise.all([
    import('../../pdf/recovery-sheet.ts'),
    import('../../pdf/render.ts'),
  ]);
  return { fileName: RECOVERY_SHEET_FILE_NAME, pdfBase64: await renderPdfBase64(recoverySheetDocument(words, madeOn)) };
}

/** Encryption at rest of the live SQLite file: its status, and a change of key (audited). */
export function createEncryptionService({ db, clock }: ServiceDeps, host: OperationsHost | null) {
  const newKeyFor = async (key: string, kept: boolean): Promise<NewKey> => {
    const words = recoveryWords(key);
    return {
      recoveryWords: words,
      keyKeptOnThisComputer: kept,
      sheet: await sheetFor(words, clock.now().toISOString().slice(0, 10)),
    };
  };
  const liveFile = (): string | null => (host && host.engine() === 'sqlite' ? host.dbFile : null);

  return {
    status(): EncryptionStatus {
      const file = liveFile();
      if (file === null) return { mode: 'server', plainCopyKept: false, keyKeptOnThisComputer: false };
      const encrypted = fileEncryption(file) === 'encrypted';
      return {
        mode: encrypted ? 'encrypted' : 'plain',
        plainCopyKept: existsSync(file + PLAIN_COPY_SUFFIX),
        keyKeptOnThisComputer: encrypted && keyKeeper().keeps(),
      };
    },

    /** First run: a plain file here can be encrypted; by default only where a keychain keeps the key. */
    firstRun(): { offered: boolean; encryptByDefault: boolean } {
      const file = liveFile();
      const offered = file !== null && fileEncryption(file) !== 'encrypted';
      return { offered, encryptByDefault: offered && keyKeeper().keeps() };
    },

    /**
     * First run: encrypts the new clinic's live file in place (it holds only the setup). The
     * one connection leaves WAL mode for the change (SQLite3 Multiple Ciphers encrypts a plain
     * file only in rollback-journal mode), then goes back to it. A clinic with patients or
     * visits is encrypted with a checked copy instead (`npm run cli -- encrypt`).
     */
    async encryptNew(actor: Actor): Promise<NewKey> {
      const file = liveFile();
      if (file === null || !host) throw new AppError('CONFLICT', SERVER_MODE);
      if (fileEncryption(file) === 'encrypted') {
        throw new AppError('CONFLICT', "This clinic's data is already encrypted.");
      }
      const used = await db
        .selectFrom('patients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(used.n) > 0) {
        throw new AppError(
          'CONFLICT',
          "This clinic already holds patients: use Encrypt this clinic's data under Admin → This PC, which encrypts a checked copy.",
        );
      }
      if (host.busy.current) throw new AppError('CONFLICT', 'A backup or restore is running. Wait for it to finish.');
      const key = newDatabaseKey();
      const keeper = keyKeeper();
      // Kept first: a stop right after the change still finds the key.
      keeper.keep(key);
      await db.connection().execute(async () => {
        const raw = host.raw();
        raw.pragma('wal_checkpoint(TRUNCATE)');
        raw.pragma('journal_mode = DELETE');
        changeKey(raw, key);
        raw.pragma('journal_mode = WAL');
      });
      useDatabaseKey(key);
      await writeTx(db, (trx) =>
        writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'encryption.enabled',
          entity: 'database',
          entityId: null,
          before: null,
          after: { keyKeptOnThisComputer: keeper.keeps() },
        }),
      );
      return newKeyFor(key, keeper.keeps());
    },

    /**
     * A clinic that already holds data: a new key, kept first, then a checked encrypted copy is
     * swapped in (db/encrypt-file.ts: a stop at any moment leaves the plain or the encrypted file
     * whole) and the plain file kept until the admin deletes it. The app's database is closed
     * for the swap; the audit row goes into the encrypted file.
     */
    async encryptExisting(actor: Actor): Promise<NewKey> {
      const file = liveFile();
      if (file === null || !host) throw new AppError('CONFLICT', SERVER_MODE);
      if (fileEncryption(file) === 'encrypted') {
        throw new AppError('CONFLICT', "This clinic's data is already encrypted.");
      }
      const key = newDatabaseKey();
      const keeper = keyKeeper();
      keeper.keep(key);
      const encrypted = await host.encryptLive(key);
      await writeTx(encrypted, (trx) =>
        writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'encryption.enabled',
          entity: 'database',
          entityId: null,
          before: null,
          after: { existingClinic: true, plainCopyKept: true, keyKeptOnThisComputer: keeper.keeps() },
        }),
      );
      return newKeyFor(key, keeper.keeps());
    },

    /** The admin has seen the encrypted clinic work: the plain file kept beside it goes (audited). */
    async deletePlainCopy(actor: Actor): Promise<{ done: true }> {
      const file = liveFile();
      if (file === null) throw new AppError('CONFLICT', SERVER_MODE);
      // Never the only copy: the live file must be the encrypted one.
      if (fileEncryption(file) !== 'encrypted' || !removePlainCopy(file)) {
        throw new AppError('CONFLICT', 'No plain copy of an encrypted clinic is kept on this computer.');
      }
      await writeTx(db, (trx) =>
        writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'encryption.plainCopyDeleted',
          entity: 'database',
          entityId: null,
          before: { plainCopyKept: true },
          after: { plainCopyKept: false },
        }),
      );
      return { done: true };
    },

    /**
     * A new random key for the live file (PRAGMA rekey, one transaction in SQLite3 Multiple
     * Ciphers). The keychain holds the old and the new key while it runs.
     */
    async rekey(actor: Actor): Promise<NewKey> {
      const file = liveFile();
      if (file === null || !host) throw new AppError('CONFLICT', SERVER_MODE);
      const current = databaseKeyInUse();
      if (fileEncryption(file) !== 'encrypted' || current === null) {
        throw new AppError('CONFLICT', "This clinic's data is not encrypted, so it has no key to change.");
      }
      if (host.busy.current) throw new AppError('CONFLICT', 'A backup or restore is running. Wait for it to finish.');
      const next = newDatabaseKey();
      const keeper = keyKeeper();
      keeper.keep(current, next);
      // On Kysely's connection, so no statement of another request runs during the change.
      await db.connection().execute(async () => changeKey(host.raw(), next));
      useDatabaseKey(next);
      keeper.keep(next);
      await writeTx(db, (trx) =>
        writeAudit(trx, clock, {
          userId: actor.userId,
          action: 'encryption.rekeyed',
          entity: 'database',
          entityId: null,
          before: null,
          after: { keyKeptOnThisComputer: keeper.keeps() },
        }),
      );
      return newKeyFor(next, keeper.keeps());
    },
  };
}

export type EncryptionService = ReturnType<typeof createEncryptionService>;
