import { join } from 'node:path';
import { startAppCore, type AppCore, type AppCoreOptions } from '../app-core.ts';
import { DATABASE_FILE_NAME } from '../paths.ts';
import { serverUrl } from './server-url.ts';
import type { ConnectionStore } from './store.ts';

// The desktop app's start: CLINIC_DATABASE_URL if set (the choice is then fixed), else the
// server kept in connection.json when its password could be kept, else the SQLite file in the
// user-data folder. A server that cannot be reached at start asks to retry or quit.

export interface StartFromChoiceOptions {
  userData: string;
  store: ConnectionStore;
  env?: NodeJS.ProcessEnv;
  /** Shown when the kept server cannot be opened: true to try again, false to quit. */
  onServerUnreachable(where: string): Promise<boolean>;
  core?: Pick<AppCoreOptions, 'clock' | 'logger'>;
}

/** The started core, or null when the user chose to quit. */
export async function startFromChoice({
  userData,
  store,
  env = process.env,
  onServerUnreachable,
  core = {},
}: StartFromChoiceOptions): Promise<AppCore | null> {
  const fixedUrl = env.CLINIC_DATABASE_URL;
  const localFile = join(userData, DATABASE_FILE_NAME);
  const connection = { store, fixedByEnvironment: Boolean(fixedUrl), localFile };
  if (fixedUrl) return startAppCore({ ...core, databaseUrl: fixedUrl, connection });
  const saved = store.load();
  if (saved?.password == null) {
    return startAppCore({ ...core, dbFile: localFile, connection });
  }
  const url = serverUrl({ ...saved.server, password: saved.password });
  const where = `${saved.server.host}:${saved.server.port}/${saved.server.database}`;
  for (;;) {
    try {
      return await startAppCore({ ...core, databaseUrl: url, connection });
    } catch {
      if (!(await onServerUnreachable(where))) return null;
    }
  }
}
