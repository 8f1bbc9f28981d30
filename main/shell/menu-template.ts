// The application menu, as plain data (no electron import, so it is unit tested): Electron's
// default menu would ship "Learn more" links to electronjs.org and a reload in production.
// menu.ts hands this to Menu.buildFromTemplate; the shapes below are a subset of Electron's
// MenuItemConstructorOptions.
import { summaryOfUrl } from '../connection/server-url.ts';

export type MenuRole =
  | 'about'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front';

export interface MenuItemTemplate {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

/** Where this PC's data is: the SQLite file here, or the clinic server. */
export type DatabaseMode = { kind: 'local' } | { kind: 'server'; host: string };

/** The mode of a core whose server URL is this (null: the file on this computer). */
export function databaseModeOf(serverUrl: string | null): DatabaseMode {
  if (serverUrl === null) return { kind: 'local' };
  return { kind: 'server', host: summaryOfUrl(serverUrl)?.host ?? 'unknown' };
}

export interface AboutBox {
  title: string;
  message: string;
  detail: string;
}

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  appName: string;
  version: string;
  /** Read when About is chosen: the mode can change while the app runs (first-run setup). */
  databaseMode: DatabaseMode | (() => DatabaseMode);
  /** Development builds only: reload and developer tools. */
  dev?: boolean;
  onAbout(box: AboutBox): void;
  onExportDiagnostics?: () => void;
}

export const ABOUT_ITEM_ID = 'about';

export function databaseModeLabel(mode: DatabaseMode): string {
  return mode.kind === 'local' ? 'This computer only' : `Clinic server ${mode.host}`;
}

export function aboutBox(appName: string, version: string, mode: DatabaseMode): AboutBox {
  return {
    title: `About ${appName}`,
    message: `${appName} ${version}`,
    detail: `Database: ${databaseModeLabel(mode)}`,
  };
}

const separator: MenuItemTemplate = { type: 'separator' };

export function buildMenuTemplate({
  platform,
  appName,
  version,
  databaseMode,
  dev = false,
  onAbout,
  onExportDiagnostics,
}: MenuTemplateOptions): MenuItemTemplate[] {
  const mac = platform === 'darwin';
  const about: MenuItemTemplate = {
    id: ABOUT_ITEM_ID,
    label: `About ${appName}`,
    click: () =>
      onAbout(aboutBox(appName, version, typeof databaseMode === 'function' ? databaseMode() : databaseMode)),
  };
  const diagnostics: MenuItemTemplate[] = onExportDiagnostics
    ? [{ id: 'export-diagnostics', label: 'Export diagnostics…', click: onExportDiagnostics }]
    : [];
  const menus: MenuItemTemplate[] = [];
  if (mac) {
    // macOS keeps About in the app menu; Help repeats it below so every platform has it there.
    menus.push({
      label: appName,
      submenu: [
        { ...about, id: 'about-app-menu' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  } else {
    menus.push({ label: '&File', submenu: [{ role: 'quit', label: 'Exit' }] });
  }
  menus.push({
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      separator,
      { role: 'selectAll' },
    ],
  });
  menus.push({
    label: '&View',
    submenu: [
      ...(dev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  });
  menus.push({
    label: '&Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });
  menus.push({ label: '&Help', submenu: [...diagnostics, ...(diagnostics.length ? [separator] : []), about] });
  return menus;
}
