import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { watchWindowHealth, windowHealthText, type MessageBoxRequest } from '../../main/shell/window-health.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// A crashed or hung window, with Electron's window and dialog played by small fakes.

function fakeWindow() {
  const window = Object.assign(new EventEmitter(), {
    destroyed: false,
    reloads: 0,
    isDestroyed: () => window.destroyed,
    webContents: Object.assign(new EventEmitter(), { reload: () => (window.reloads += 1) }),
  });
  return window;
}

function setUp(answer: string) {
  const window = fakeWindow();
  const logger = recordingLogger();
  const asked: MessageBoxRequest[] = [];
  let quits = 0;
  let release: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (release = resolve));
  watchWindowHealth(window, {
    logger,
    ask: (request) => {
      asked.push(request);
      return answered.then(() => ({ response: request.buttons.indexOf(answer) }));
    },
    quit: () => (quits += 1),
  });
  return { window, logger, asked, release, quits: () => quits };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a crashed or hung window', () => {
  it('logs a crash with its reason and reloads the window when Reload is chosen, asking once', async () => {
    const { window, logger, asked, release } = setUp(windowHealthText.reload);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 5 });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 6 });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ type: 'error', buttons: ['Reload', 'Quit'], cancelId: 1 });
    release();
    await settle();
    expect(window.reloads).toBe(1);
    expect(logger.text()).toMatch(/renderer process is gone.*"reason":"oom".*"exitCode":5/);
  });

  it('quits when Quit is chosen, and ignores a clean exit', async () => {
    const { window, asked, release, quits } = setUp(windowHealthText.quit);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(asked).toHaveLength(0);
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    release();
    await settle();
    expect(quits()).toBe(1);
    expect(window.reloads).toBe(0);
  });

  it('offers Wait or Reload for a hung window, and does nothing to a window closed meanwhile', async () => {
    const { window, asked, release } = setUp(windowHealthText.reload);
    window.emit('unresponsive');
    expect(asked[0]).toMatchObject({ type: 'warning', buttons: ['Wait', 'Reload'], defaultId: 0 });
    window.destroyed = true;
    release();
    await settle();
    expect(window.reloads).toBe(0);
  });

  it('reloads a hung window on Reload', async () => {
    const { window, release } = setUp(windowHealthText.reload);
    window.emit('unresponsive');
    release();
    await settle();
    expect(window.reloads).toBe(1);
  });
});
