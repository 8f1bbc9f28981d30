import { BrowserWindow, screen, type WebContents } from 'electron';
import { isAllowedNavigation, secureWebPreferences, windowOpenDecision } from './security.ts';
import { loadWindowState, MIN_SIZE, saveWindowState } from './window-state.ts';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The JSON file that remembers the window's bounds. */
  stateFile: string;
  /** The app's entry page, e.g. app://clinic/index.html. */
  entryUrl: string;
  /** False in the packaged app. */
  devTools: boolean;
}

/** The one app window: secure webPreferences, remembered bounds, shown when ready. */
export function createMainWindow({ preloadPath, stateFile, entryUrl, devTools }: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = loadWindowState(stateFile, workAreas);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Clinic desk',
    backgroundColor: '#ffffff',
    // The three key options are repeated as literals so static scanners (Electronegativity)
    // can see them; the values are the same as secureWebPreferences'.
    webPreferences: {
      ...secureWebPreferences(preloadPath, { devTools }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(entryUrl);
  return window;
}

/**
 * Applied to every webContents the app creates (app.on('web-contents-created')): navigation
 * only within the app, no new windows, no <webview>.
 */
export function guardWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
