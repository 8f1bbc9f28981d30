import { describe, expect, it } from 'vitest';
import { handlers } from '../../main/ipc/handlers/index.ts';
import { CHANNEL_NAMES, contract, EVENT_NAMES, events } from '#contract/index.ts';
import { buildClinicApi, type Transport } from '../../preload/api.ts';

describe('contract', () => {
  it('has exactly one handler for every channel and no handler without a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlers[name]).toBe('function');
  });

  it('describes every channel in one sentence and names who may call it', () => {
    for (const name of CHANNEL_NAMES) {
      const spec = contract[name];
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(spec.description).toMatch(/^[A-Z].*\.$/);
      expect(spec.access === 'public' || spec.access === 'staff' || Array.isArray(spec.access)).toBe(true);
    }
  });

  it('builds window.clinic with one method per channel and nothing generic', async () => {
    const calls: [string, unknown][] = [];
    const transport: Transport = {
      invoke: async (channel, input) => {
        calls.push([channel, input]);
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
    };
    const api = buildClinicApi(transport) as unknown as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>>
    >;
    const methods = Object.entries(api)
      .filter(([domain]) => domain !== 'events')
      .flatMap(([domain, group]) => Object.keys(group).map((m) => `${domain}.${m}`));
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(api).not.toHaveProperty('invoke');
    await api.auth?.signIn?.({ email: 'a@b.co', password: 'x' });
    expect(calls).toEqual([['auth.signIn', { email: 'a@b.co', password: 'x' }]]);
  });

  it('refuses subscriptions to events that are not in the contract', () => {
    const api = buildClinicApi({ invoke: async () => ({ ok: true, value: null }), subscribe: () => () => undefined });
    expect(EVENT_NAMES.sort()).toEqual(Object.keys(events).sort());
    expect(() => api.events.on('nope' as never, () => undefined)).toThrow(/Unknown event/);
  });
});
