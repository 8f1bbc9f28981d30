import type { AppCore } from '../app-core.ts';
import { startConfirmingUpgrades } from '../connection/startup.ts';
import { createStartHoldDesk, heldCore } from '../connection/start-hold.ts';
import type { UpgradeConfirmation } from '../connection/version-gate.ts';
import type { Clock } from '../services/core/clock.ts';
import type { Logger } from '../services/core/logger.ts';
import type { ServedCore, WebServer } from './server.ts';

// The web shell's start, as the desktop app's: when this copy is newer than the clinic server's
// tables, the browser opens on the same confirmation screen (the held desk answers its calls)
// until an administrator confirms there; then the same page goes on into the app.

export interface WebShellStartOptions {
  start(upgrade: UpgradeConfirmation | undefined): Promise<AppCore>;
  listen(core: ServedCore): Promise<WebServer>;
  /** Where the clinic server is, for the sentences (null: a file on this computer). */
  where: string | null;
  logger: Logger;
  clock: Clock;
  /** Called once when the start is held: the address where an administrator confirms. */
  onHeld(url: string): void | Promise<void>;
}

export interface StartedWebShell {
  core: AppCore;
  server: WebServer;
  /** The start waited for an administrator's confirmation (the page is open already). */
  wasHeld: boolean;
}

/** The started core and its server; null when the held start was given up (the server is closed). */
export async function startWebShell(options: WebShellStartOptions): Promise<StartedWebShell | null> {
  const desk = createStartHoldDesk();
  const held = heldCore(desk, options.clock);
  let current: ServedCore = { ...held, services: { deps: { logger: options.logger } } };
  // The server keeps this object; its getters pass each call to the held desk, then to the app.
  const served: ServedCore = {
    get dispatcher() {
      return current.dispatcher;
    },
    get hub() {
      return current.hub;
    },
    services: { deps: { logger: options.logger } },
  };
  let server: WebServer | null = null;
  let core: AppCore | null;
  try {
    core = await startConfirmingUpgrades(options.start, {
      where: options.where,
      logger: options.logger,
      onUpgradeNeedsConfirmation: async (hold, problem) => {
        if (!server) {
          server = await options.listen(served);
          await options.onHeld(server.url);
        }
        return desk.askUpgrade(hold, problem);
      },
    });
  } catch (error) {
    desk.settle({ failed: error instanceof Error ? error.message : String(error) });
    await (server as WebServer | null)?.close();
    throw error;
  }
  if (!core) {
    await (server as WebServer | null)?.close();
    return null;
  }
  current = core;
  desk.settle({ started: true });
  const heldServer = server as WebServer | null;
  return { core, server: heldServer ?? (await options.listen(served)), wasHeld: heldServer !== null };
}
