import { APP_VERSION } from '../services/core/app-version.ts';
import { createPrinting, type Printing } from '../printing/printing.ts';
import { silentLogger } from '../services/core/logger.ts';
import type { UpdatesControl } from '../updates/control.ts';

/** What the running process offers beyond the database: diagnostics paths, its updater and printer. */
export interface RuntimeInfo {
  appVersion: string;
  /** The log folder (null: logs go to the console only). */
  logDir: string | null;
  /** Electron's crashDumps folder (null outside the desktop app). */
  crashDumpsDir: string | null;
  /** This PC's updates (null in tests and the CLI). */
  updates: UpdatesControl | null;
  /** This PC's printer and receipt paper (without a printer outside the desktop app). */
  printing: Printing;
}

export const defaultRuntimeInfo = (): RuntimeInfo => ({
  appVersion: APP_VERSION,
  logDir: null,
  crashDumpsDir: null,
  updates: null,
  printing: createPrinting({ file: null, printer: null, logger: silentLogger }),
});
