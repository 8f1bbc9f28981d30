import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildClinicApi, type Transport } from './api.ts';
import type { EventName } from './contract/index.ts';

/**
 * The Electron preload (sandboxed, bundled to CommonJS by vite.preload.config.ts). It exposes
 * exactly one global, `window.clinic`, built from the channel list: one method per channel and
 * `events.on`. No generic invoke, no ipcRenderer, nothing else crosses the bridge.
 */

const IPC_PREFIX = 'clinic:';
const IPC_EVENT_CHANNEL = 'clinic:event';

type Listener = (payload: unknown) => void;

/** One shared ipcRenderer listener, fanned out to per-event listener sets. */
export function createIpcTransport(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  const listeners = new Map<string, Set<{ listener: Listener }>>();
  let attached = false;

  const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string') return;
    for (const entry of [...(listeners.get(name) ?? [])]) {
      try {
        entry.listener(payload);
      } catch (error) {
        console.error(`A listener for "${name}" failed`, error);
      }
    }
  };

  return {
    invoke: (channel, input) => ipc.invoke(`${IPC_PREFIX}${channel}`, input),
    subscribe(name: EventName, listener: Listener) {
      if (!attached) {
        ipc.on(IPC_EVENT_CHANNEL, onEvent);
        attached = true;
      }
      // A wrapper per subscription: the same function may be subscribed twice and removed once.
      const entry = { listener };
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(entry);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (set.size === 0 && listeners.get(name) === set) listeners.delete(name);
        if (listeners.size === 0 && attached) {
          ipc.removeListener(IPC_EVENT_CHANNEL, onEvent);
          attached = false;
        }
      };
    },
  };
}

contextBridge.exposeInMainWorld('clinic', buildClinicApi(createIpcTransport(ipcRenderer)));
