import { vi } from 'vitest';
import { buildClinicApi, type ClinicApi } from '../../../preload/api.ts';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
  EventPayload,
  Result,
  Session,
} from '#contract/index.ts';
import { fail, ok, settingsFixture } from './fixtures.ts';

// A stand-in for window.clinic at the transport boundary: the real ClinicApi builder over a fake
// transport whose answers each test chooses. The real dispatcher is covered by integration tests.

type Handler<C extends ChannelName> = (
  input: ChannelInput<C>,
) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;
export type Handlers = { [C in ChannelName]?: Handler<C> };

export const PASSWORD = 'correct horse battery';

export interface FakeClinic {
  api: ClinicApi;
  /** Every call made, in order. */
  calls: { channel: ChannelName; input: unknown }[];
  callsTo: (channel: ChannelName) => unknown[];
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  invoke: ReturnType<typeof vi.fn>;
}

/** A fake main with a little state: the session locks, unlocks with PASSWORD and signs out. */
export function createFakeClinic(options: { session: Session | null; handlers?: Handlers }): FakeClinic {
  let session = options.session;
  const defaults: Handlers = {
    'setup.status': () => ok({ needsSetup: false, clinicName: 'Sunrise Clinic' }),
    'setup.keyHold': () => ok(null),
    'setup.upgradeHold': () => ok(null),
    'printing.settings': () => ok({ printerName: null, receiptPaper: 'a5' as const, canPrint: false }),
    'auth.session': () => ok(session),
    'auth.signIn': () => fail('INVALID_CREDENTIALS', 'That email and password do not match an active staff account.'),
    'auth.lock': () => {
      if (!session) return fail('UNAUTHENTICATED', 'Sign in first.');
      session = { ...session, locked: true };
      return ok(session);
    },
    'auth.unlock': ({ password }) => {
      if (!session) return fail('UNAUTHENTICATED', 'Sign in first.');
      if (password !== PASSWORD) {
        return fail('INVALID_CREDENTIALS', 'That password is not right.', { password: 'That password is not right.' });
      }
      session = { ...session, locked: false };
      return ok(session);
    },
    'auth.signOut': () => {
      session = null;
      return ok({ done: true as const });
    },
    'auth.touch': () => ok({ done: true as const }),
    'settings.get': () => ok(settingsFixture()),
    'users.list': () => ok([]),
    'backups.status': () =>
      ok({ available: true, lastGoodAt: '2025-01-01T00:00:00.000Z', ageHours: 1, warn: false, lastFullCheck: null }),
    'messages.unreadTotals': () => ok({ total: 0, byChat: {} }),
    'messages.threads': () => ok({ threads: [], nextCursor: null }),
    'encryption.status': () => ok({ mode: 'encrypted', plainCopyKept: false, keyKeptOnThisComputer: true }),
    'encryption.firstRun': () => ok({ offered: false, encryptByDefault: false }),
  };
  const handlers: Handlers = { ...defaults, ...options.handlers };
  const calls: FakeClinic['calls'] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  const invoke = vi.fn(async (channel: ChannelName, input: unknown): Promise<Result<unknown>> => {
    calls.push({ channel, input });
    const handler = handlers[channel] as ((input: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
    if (!handler) return fail('INTERNAL', `The fake has no answer for ${channel}.`);
    return handler(input);
  });

  const api = buildClinicApi({
    invoke,
    subscribe(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
  });

  return {
    api,
    calls,
    invoke,
    callsTo: (channel) => calls.filter((entry) => entry.channel === channel).map((entry) => entry.input),
    emit: (name, payload) => {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
  };
}
