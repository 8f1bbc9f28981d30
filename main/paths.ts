import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Clinic desk';
export const DATABASE_FILE_NAME = 'clinic.sqlite';

/**
 * The per-user data folder, computed the way Electron's app.getPath('userData') does for
 * productName "Clinic desk", so the desktop app, the web shell and the CLI share one default.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

export function defaultDatabaseFile(): string {
  return join(userDataDir(), DATABASE_FILE_NAME);
}
