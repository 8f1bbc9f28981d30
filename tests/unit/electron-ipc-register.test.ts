import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import {
  registerIpc,
  type IpcInvokeEventLike,
  type IpcMainLike,
  type IpcRegistration,
} from '../../main/ipc/register.ts';
import { APP_ORIGIN } from '../../main/shell/security.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { CHANNEL_NAMES, type Result } from '#contract/index.ts';

type Listener = Parameters<IpcMainLike['handle']>[1];

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly registrations: string[] = [];
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.registrations.push(channel);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: IpcInvokeEventLike, input: unknown): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, input);
  }
}

class FakeWebContents extends EventEmitter {
  readonly sent: unknown[][] = [];
  destroyed = false;
  readonly id: number;
  constructor(id: number) {
    super();
    this.id = id;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

const mainFrame = (url: string) => ({ url, parent: null });
const event = (senderId: number, frame: { url: string; parent: object | null } | null): IpcInvokeEventLike => ({
  sender: { id: senderId },
  senderFrame: frame,
});

let dir: string;
let core: AppCore;
let ipc: FakeIpcMain;
let registration: IpcRegistration;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-ipc-'));
  core = await startAppCore({ dbFile: join(dir, 'clinic.sqlite'), logger: silentLogger });
  ipc = new FakeIpcMain();
  registration = registerIpc(ipc, core, APP_ORIGIN);
});

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('registerIpc', () => {
  it('registers every contract channel exactly once as clinic:<name>, and nothing else', () => {
    expect(ipc.registrations).toHaveLength(CHANNEL_NAMES.length);
    expect(new Set(ipc.registrations)).toEqual(new Set(CHANNEL_NAMES.map((name) => `clinic:${name}`)));
  });

  it('passes a call from the app window to the real dispatcher, keyed by the webContents', async () => {
    const dispatch = vi.spyOn(core.dispatcher, 'dispatch');
    const result = await ipc.invoke('clinic:setup.status', event(7, mainFrame(`${APP_ORIGIN}/index.html#/setup`)), {});
    expect(result).toEqual({ ok: true, value: { needsSetup: true, clinicName: null } });
    expect(dispatch).toHaveBeenCalledWith('wc:7', 'setup.status', {});
    dispatch.mockRestore();
  });

  it.each([
    ['a file:// page', mainFrame('file:///tmp/evil.html')],
    ['a remote page', mainFrame('https://example.com/')],
    ['another app:// host', mainFrame('app://clinic.evil/index.html')],
    ['a look-alike prefix', mainFrame('app://clinicx/index.html')],
    ['an iframe inside the app', { url: `${APP_ORIGIN}/index.html`, parent: mainFrame(`${APP_ORIGIN}/index.html`) }],
    ['a frame that is gone', null],
  ])('refuses %s with FORBIDDEN before the dispatcher', async (_label, frame) => {
    const dispatch = vi.spyOn(core.dispatcher, 'dispatch');
    const result = await ipc.invoke('clinic:setup.status', event(7, frame), {});
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
    expect(dispatch).not.toHaveBeenCalled();
    dispatch.mockRestore();
  });

  it("forwards hub events to the window, and on 'destroyed' unsubscribes and ends its session", () => {
    const contents = new FakeWebContents(9);
    registration.attachWebContents(contents);
    core.sessions.start('wc:9', { userId: 1, name: 'Ada', email: 'ada@clinic.test', role: 'admin' });

    core.hub.broadcast('users.changed', { userId: 3 });
    expect(contents.sent).toEqual([['clinic:event', 'users.changed', { userId: 3 }]]);

    contents.destroyed = true;
    contents.emit('destroyed');
    expect(core.sessions.get('wc:9')).toBeUndefined();
    core.hub.broadcast('users.changed', { userId: 4 });
    expect(contents.sent).toHaveLength(1);
    expect(core.hub.connectedCount()).toBe(0);
  });

  it('removes every handler on dispose', () => {
    registration.dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});
