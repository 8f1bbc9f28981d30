import type { Logger } from '../services/core/logger.ts';

// A window whose renderer crashed (render-process-gone) shows a blank page, and a hung one
// ignores every click: both are said plainly with "Reload" offered, instead of leaving the desk
// staring at a dead window. Plain code over the few Electron shapes it needs (no electron import),
// so it is tested with Electron mocked; window.ts's caller passes the real window and dialog.

export interface RenderProcessGoneDetails {
  /** 'crashed', 'oom', 'killed', 'clean-exit', 'abnormal-exit', 'launch-failed', 'integrity-failure' */
  reason: string;
  exitCode: number;
}

export interface HealthWindowLike {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
    reload(): void;
  };
}

export interface MessageBoxRequest {
  type: 'warning' | 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

export interface WindowHealthOptions {
  logger: Logger;
  /** dialog.showMessageBox(window, request): the index of the chosen button. */
  ask(request: MessageBoxRequest): Promise<{ response: number }>;
  quit(): void;
}

export const windowHealthText = {
  goneTitle: 'Clinic desk stopped working',
  goneMessage: 'The Clinic desk window stopped working and must be reloaded.',
  goneDetail:
    'Everything that was saved is kept; anything typed but not yet saved must be entered again. If this keeps happening, export the diagnostics (Help menu) for whoever supports Clinic desk.',
  hungTitle: 'Clinic desk is not responding',
  hungMessage: 'The Clinic desk window is not responding.',
  hungDetail:
    'Wait a moment for it to finish, or reload it. Reloading loses anything typed but not yet saved; everything saved is kept.',
  reload: 'Reload',
  quit: 'Quit',
  wait: 'Wait',
};

/** Watches one window; returns nothing to undo (the listeners go with the window). */
export function watchWindowHealth(window: HealthWindowLike, { logger, ask, quit }: WindowHealthOptions): void {
  let asking = false;

  async function offer(request: MessageBoxRequest, onChoice: (button: string) => void): Promise<void> {
    if (asking) return;
    asking = true;
    try {
      const { response } = await ask(request);
      if (!window.isDestroyed()) onChoice(request.buttons[response] ?? '');
    } finally {
      asking = false;
    }
  }

  window.webContents.on('render-process-gone', (_event, { reason, exitCode }) => {
    // A clean exit is the window closing, not a crash.
    if (reason === 'clean-exit') return;
    logger.error('The window’s renderer process is gone', { reason, exitCode });
    void offer(
      {
        type: 'error',
        title: windowHealthText.goneTitle,
        message: windowHealthText.goneMessage,
        detail: windowHealthText.goneDetail,
        buttons: [windowHealthText.reload, windowHealthText.quit],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      },
      (button) => (button === windowHealthText.reload ? window.webContents.reload() : quit()),
    );
  });

  window.on('unresponsive', () => {
    logger.warn('The window is not responding');
    void offer(
      {
        type: 'warning',
        title: windowHealthText.hungTitle,
        message: windowHealthText.hungMessage,
        detail: windowHealthText.hungDetail,
        buttons: [windowHealthText.wait, windowHealthText.reload],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      },
      (button) => {
        if (button === windowHealthText.reload) window.webContents.reload();
      },
    );
  });
  window.on('responsive', () => logger.info('The window responds again'));
}

/** Electron's crashReporter options: dumps kept in the crashDumps folder, never uploaded anywhere. */
export const LOCAL_CRASH_DUMPS = { uploadToServer: false, compress: true } as const;
