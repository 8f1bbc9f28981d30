import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '#contract/index.ts';

const bridge = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (channel: string, input: unknown) => {
      bridge.invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: { needsSetup: true, clinicName: null } });
    },
  });
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (bridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
      bridge.exposed.set(key, api);
    },
  };
  return { contextBridge, ipcRenderer };
});

const { ipcRenderer } = await import('electron');
await import('../../preload/index.ts');

type Api = Record<string, Record<string, unknown>> & {
  events: { on(name: string, listener: (payload: unknown) => void): () => void };
};
const clinic = bridge.exposed.get('clinic') as Api;

/** Every key path of a plain object, depth-first. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => [
    `${prefix}${key}`,
    ...keyPaths((value as Record<string, unknown>)[key], `${prefix}${key}.`),
  ]);
}

describe('preload', () => {
  beforeEach(() => {
    bridge.invoked.length = 0;
  });

  it("exposes only 'clinic'", () => {
    expect([...bridge.exposed.keys()]).toEqual(['clinic']);
  });

  it('has one method per contract channel plus events.on, and no generic invoke', () => {
    const methods = keyPaths(clinic).filter((path) => path.includes('.'));
    expect(new Set(methods)).toEqual(new Set([...CHANNEL_NAMES, 'events.on']));
    for (const path of methods) {
      const [domain, method] = path.split('.') as [string, string];
      expect(typeof clinic[domain]?.[method]).toBe('function');
    }
    // Contract channels are typed and validated (messages.send is one); nothing else may look like raw IPC.
    const channels = new Set<string>(CHANNEL_NAMES);
    expect(keyPaths(clinic).some((path) => !channels.has(path) && /invoke|send|ipc/i.test(path))).toBe(false);
  });

  it('sends each call on clinic:<channel>', async () => {
    const status = clinic.setup?.status as (input: unknown) => Promise<unknown>;
    await expect(status({})).resolves.toEqual({ ok: true, value: { needsSetup: true, clinicName: null } });
    expect(bridge.invoked).toEqual([['clinic:setup.status', {}]]);
  });

  it('routes events by name through one shared listener, and unsubscribe works', () => {
    const usersA = vi.fn();
    const usersB = vi.fn();
    const session = vi.fn();
    const offA = clinic.events.on('users.changed', usersA);
    const offB = clinic.events.on('users.changed', usersB);
    const offSession = clinic.events.on('session.changed', session);
    expect(ipcRenderer.listenerCount('clinic:event')).toBe(1);

    ipcRenderer.emit('clinic:event', {}, 'users.changed', { userId: 2 });
    expect(usersA).toHaveBeenCalledWith({ userId: 2 });
    expect(usersB).toHaveBeenCalledWith({ userId: 2 });
    expect(session).not.toHaveBeenCalled();

    offA();
    offA();
    ipcRenderer.emit('clinic:event', {}, 'users.changed', { userId: 3 });
    expect(usersA).toHaveBeenCalledTimes(1);
    expect(usersB).toHaveBeenCalledTimes(2);

    offB();
    offSession();
    expect(ipcRenderer.listenerCount('clinic:event')).toBe(0);
    ipcRenderer.emit('clinic:event', {}, 'session.changed', { reason: 'locked' });
    expect(session).not.toHaveBeenCalled();
  });

  it('keeps delivering to other listeners when one throws, and refuses unknown events', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    const offBad = clinic.events.on('users.changed', () => {
      throw new Error('boom');
    });
    const offGood = clinic.events.on('users.changed', good);
    ipcRenderer.emit('clinic:event', {}, 'users.changed', { userId: 5 });
    expect(good).toHaveBeenCalledWith({ userId: 5 });
    offBad();
    offGood();
    errors.mockRestore();
    expect(() => clinic.events.on('no.such.event', vi.fn())).toThrow(/Unknown event/);
  });
});
