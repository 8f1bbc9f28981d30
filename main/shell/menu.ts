import { app, BrowserWindow, dialog, Menu } from 'electron';
import { buildMenuTemplate, type AboutBox, type DatabaseMode } from './menu-template.ts';

export interface ApplicationMenuOptions {
  version: string;
  /** The current mode, read when About is chosen. */
  databaseMode(): DatabaseMode;
  onExportDiagnostics?: () => void;
}

/** Replaces Electron's default menu (its Help links to electronjs.org) with ours. */
export function setApplicationMenu({ version, databaseMode, onExportDiagnostics }: ApplicationMenuOptions): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    version,
    databaseMode,
    dev: !app.isPackaged,
    onAbout: (box) => void showAboutBox(box),
    ...(onExportDiagnostics ? { onExportDiagnostics } : {}),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAboutBox({ title, message, detail }: AboutBox): Promise<void> {
  const options = { type: 'info' as const, title, message, detail, buttons: ['OK'] };
  const parent = BrowserWindow.getFocusedWindow();
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}
