import { CHANNEL_NAMES, type Result } from '#contract/index.ts';
import type { AppCore } from '../app-core.ts';
import { isAppUrl } from '../shell/security.ts';

/**
 * Wires the dispatcher to Electron IPC without importing Electron: `ipcMain` and each
 * window's `webContents` are passed in and only used through these structural types.
 */

export const IPC_PREFIX = 'clinic:';
export const IPC_EVENT_CHANNEL = 'clinic:event';

export interface IpcFrameLike {
  readonly url: string;
  readonly parent: object | null;
}

export interface IpcInvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: IpcFrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, input: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export type IpcCore = Pick<AppCore, 'dispatcher' | 'hub' | 'sessions'>;

export const clientKeyOf = (webContentsId: number): string => `wc:${webContentsId}`;

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Clinic desk window, so it was refused.' },
};

/** The sender must be the top frame of a page served by the app itself (never file://, http(s), an iframe). */
export function isTrustedSender(event: IpcInvokeEventLike, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appOrigin);
}

export interface IpcRegistration {
  /** Forwards hub events to this window; on 'destroyed' unsubscribes and ends its session. */
  attachWebContents(contents: WebContentsLike): () => void;
  /** Removes every handler (tests, shutdown). */
  dispose(): void;
}

export function registerIpc(ipc: IpcMainLike, core: IpcCore, appOrigin: string): IpcRegistration {
  const channels = CHANNEL_NAMES.map((name) => `${IPC_PREFIX}${name}`);
  CHANNEL_NAMES.forEach((name) => {
    ipc.handle(`${IPC_PREFIX}${name}`, async (event, input) => {
      if (!isTrustedSender(event, appOrigin)) return FORBIDDEN;
      return core.dispatcher.dispatch(clientKeyOf(event.sender.id), name, input);
    });
  });

  return {
    attachWebContents(contents) {
      const key = clientKeyOf(contents.id);
      const unsubscribe = core.hub.subscribe(key, (name, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, name, payload);
      });
      let detached = false;
      const detach = (): void => {
        if (detached) return;
        detached = true;
        unsubscribe();
        core.sessions.end(key);
      };
      contents.once('destroyed', detach);
      return detach;
    },
    dispose() {
      for (const channel of channels) ipc.removeHandler(channel);
    },
  };
}
