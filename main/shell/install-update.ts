import { app, shell } from 'electron';
import type { Logger } from '../services/core/logger.ts';

/**
 * Opens a verified installer (main/updates/update.ts checked its SHA-512) and quits, so the
 * installer can replace the app: the NSIS installer on Windows, the disk image on macOS, the
 * package on Linux. The short wait lets the admin's window receive its answer first.
 */
export function runInstallerAndQuit(installer: string, logger: Logger): void {
  setTimeout(() => {
    void shell.openPath(installer).then((problem) => {
      if (problem) logger.error('The update installer could not be opened', { problem });
      else app.quit();
    });
  }, 500);
}
