import type { AppCore } from '../app-core.ts';
import { startConfirmingUpgrades } from '../connection/startup.ts';
import { createStartHoldDesk, heldCore } from '../connection/start-hold.ts';
import type { UpgradeConfirmation } from '../connection/version-gate.ts';
import type { Clock } from '../services/core/clock.ts';
import type { Logger } from '../services/core/logger.ts';
import type { ServedCore, WebServer } from './server.ts';

// The web shell's start, as the desktop app's: when the clinic's encrypted file needs its
// recovery words, or this copy is newer than the clinic server's tables, the browser opens on the
// same screen (the held desk answers its calls) until it is answered there; then the same page
// goes on into the app.

export interface WebShellStartOptions {
  start(upgrade: UpgradeConfirmation | undefined): Promise<AppCore>;
  listen(core: ServedCore): Promise<WebServer>;
  /** Where the clinic server is, for the sentences (null: a file on this computer). */
  where: string | null;
  logger: Logger;
  clock: Clock;
  /** Called once when the start is held: the address where the question is answered. */
  onHeld(url: string): void | Promise<void>;
  /**
   * Before the start: sets the encrypted file's key, asking on the page through `askOnScreen`
   * when it must (prepareDesktopKey). False: given up.
   */
  prepareKey?(askOnScreen: (problem: string | null) => Promise<string | null>): Promise<boolean>;
}

export interface StartedWebShell {
  core: AppCore;
  server: WebServer;
  /** The start waited for an answer on the page (it is open already). */
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
  const showHeld = async (): Promise<void> => {
    if (server) return;
    server = await options.listen(served);
    await options.onHeld(server.url);
  };
  let core: AppCore | null;
  try {
    const keyReady =
      !options.prepareKey ||
      (await options.prepareKey(async (problem) => {
        await showHeld();
        return desk.askKey(problem);
      }));
    core = keyReady
      ? await startConfirmingUpgrades(options.start, {
          where: options.where,
          logger: options.logger,
          onUpgradeNeedsConfirmation: async (hold, problem) => {
            await showHeld();
            return desk.askUpgrade(hold, problem);
          },
        })
      : null;
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
