import { useSyncExternalStore } from 'react';

// Whether main (this computer's app, or the clinic server behind it) answered the last call.
// `call` reports every outcome here; the frame shows a banner while it is unreachable.

export interface ConnectionState {
  reachable: boolean;
  /** main's own sentence for the failure, when it gave one. */
  message: string | null;
}

let state: ConnectionState = { reachable: true, message: null };
const listeners = new Set<() => void>();

function set(next: ConnectionState): void {
  if (next.reachable === state.reachable && next.message === state.message) return;
  state = next;
  for (const listener of listeners) listener();
}

export const connection = {
  answered: () => set({ reachable: true, message: null }),
  unreachable: (message: string | null) => set({ reachable: false, message }),
  get: (): ConnectionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useConnection(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.get);
}
