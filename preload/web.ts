import { buildClinicApi, type Transport } from './api.ts';
import type { ChannelName, EventName, Result } from './contract/index.ts';

/**
 * The web shell's preload: builds the same `window.clinic` as the Electron preload, over the
 * loopback HTTP bridge of `npm run web`. Loaded by the server before the app's own script.
 * The per-start token comes from a meta tag the server writes into the page; each tab keeps
 * its own client id (its own session) in sessionStorage, so a reload keeps the session.
 */

const token = document.querySelector('meta[name="clinic-token"]')?.getAttribute('content') ?? '';

function clientId(): string {
  const key = 'clinic.clientId';
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(key, id);
  }
  return id;
}

const client = clientId();

const unreachable: Result<never> = {
  ok: false,
  error: {
    code: 'UNAVAILABLE',
    message: 'Clinic desk is not reachable. Check that it is still running, then try again.',
  },
};

async function invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Clinic-Token': token, 'X-Clinic-Client': client },
      body: JSON.stringify(input ?? {}),
    });
    // The bridge answers every call with a Result as JSON, refusals included.
    if (!response.headers.get('content-type')?.includes('application/json')) return unreachable;
    return (await response.json()) as Result<unknown>;
  } catch {
    return unreachable;
  }
}

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();
let source: EventSource | null = null;

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource(`/api/events?client=${encodeURIComponent(client)}&token=${encodeURIComponent(token)}`);
  source.addEventListener('clinic', (event) => {
    const { name, payload } = JSON.parse((event as MessageEvent<string>).data) as { name: EventName; payload: unknown };
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
}

const transport: Transport = {
  invoke,
  subscribe(name, listener) {
    ensureEventSource();
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(name, set);
    return () => set.delete(listener);
  },
};

Object.defineProperty(window, 'clinic', { value: Object.freeze(buildClinicApi(transport)), writable: false });
