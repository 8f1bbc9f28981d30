import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ServerDetails, ServerSummary } from '#contract/connection.ts';
import { summaryOf } from './server-url.ts';

// Keeping the first-run choice. The desktop app writes connection.json in its user-data
// folder; the password in it is only ever the OS keychain's encryption of it (Electron
// safeStorage behind the SecretStore interface), base64. Without a keychain the details are
// kept and the password is not: it is typed again at the next start. The web shell keeps the
// choice for the run only (nothing on disk).

export const CONNECTION_FILE_NAME = 'connection.json';

/** The OS keychain's encryption (Electron safeStorage in the desktop app; a fake in tests). */
export interface SecretStore {
  isAvailable(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

/** What was kept: the server, and its password when it could be kept safely. */
export interface SavedServer {
  server: ServerSummary;
  password: string | null;
}

export interface ConnectionStore {
  load(): SavedServer | null;
  /** Remembers the server; says whether the password could be kept too. */
  save(details: ServerDetails): { passwordKept: boolean };
  /** Forgets the server: back to this computer only. */
  clear(): void;
}

const fileSchema = z.object({
  mode: z.literal('server'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  database: z.string().min(1),
  user: z.string().min(1),
  tls: z.boolean(),
  password: z.string().nullable(),
});

export function createFileConnectionStore(file: string, secrets: SecretStore): ConnectionStore {
  return {
    load() {
      let parsed: z.infer<typeof fileSchema>;
      try {
        parsed = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        return null;
      }
      const { mode: _mode, password, ...server } = parsed;
      if (password === null || !secrets.isAvailable()) return { server, password: null };
      try {
        return { server, password: secrets.decrypt(Buffer.from(password, 'base64')) };
      } catch {
        // Another user's or another computer's keychain: the password must be typed again.
        return { server, password: null };
      }
    },
    save(details) {
      const passwordKept = secrets.isAvailable();
      const password = passwordKept ? secrets.encrypt(details.password).toString('base64') : null;
      const content = { mode: 'server', ...summaryOf(details), password };
      mkdirSync(dirname(file), { recursive: true });
      const staged = `${file}.tmp`;
      try {
        writeFileSync(staged, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
        renameSync(staged, file);
      } catch (error) {
        rmSync(staged, { force: true });
        throw error;
      }
      return { passwordKept };
    },
    clear() {
      rmSync(file, { force: true });
    },
  };
}

/** The web shell's choice: for this run only, nothing written to disk. */
export function createMemoryConnectionStore(): ConnectionStore {
  let saved: SavedServer | null = null;
  return {
    load: () => saved,
    save(details) {
      saved = { server: summaryOf(details), password: null };
      return { passwordKept: false };
    },
    clear() {
      saved = null;
    },
  };
}
