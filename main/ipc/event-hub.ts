import { events, type EventName, type EventPayload } from '#contract/index.ts';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Fan-out of main → renderer events. Each transport subscribes one listener per client key
 * (a window or a browser tab); payloads are validated against the contract before leaving.
 */
export function createEventHub() {
  const listeners = new Map<string, EventListener>();

  function deliver<E extends EventName>(keys: Iterable<string>, name: E, payload: EventPayload<E>): void {
    const checked = events[name].parse(payload);
    for (const key of keys) listeners.get(key)?.(name, checked);
  }

  return {
    subscribe(clientKey: string, listener: EventListener): () => void {
      listeners.set(clientKey, listener);
      return () => {
        if (listeners.get(clientKey) === listener) listeners.delete(clientKey);
      };
    },
    /** To every connected window. */
    broadcast<E extends EventName>(name: E, payload: EventPayload<E>): void {
      deliver(listeners.keys(), name, payload);
    },
    /** To every connected window the audience admits (it decides per client key, e.g. by its session). */
    broadcastWhere<E extends EventName>(
      name: E,
      payload: EventPayload<E>,
      audience: (clientKey: string) => boolean,
    ): void {
      deliver([...listeners.keys()].filter(audience), name, payload);
    },
    /** To the given windows only. */
    sendTo<E extends EventName>(clientKeys: readonly string[], name: E, payload: EventPayload<E>): void {
      deliver(clientKeys, name, payload);
    },
    connectedCount: (): number => listeners.size,
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
