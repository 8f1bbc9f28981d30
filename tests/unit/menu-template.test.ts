import { describe, expect, it } from 'vitest';
import {
  ABOUT_ITEM_ID,
  buildMenuTemplate,
  databaseModeOf,
  type AboutBox,
  type DatabaseMode,
  type MenuItemTemplate,
} from '../../main/shell/menu-template.ts';

const flatten = (items: MenuItemTemplate[]): MenuItemTemplate[] =>
  items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);

function build(platform: NodeJS.Platform, mode: DatabaseMode | (() => DatabaseMode) = { kind: 'local' }, dev = false) {
  const shown: AboutBox[] = [];
  const template = buildMenuTemplate({
    platform,
    appName: 'Clinic desk',
    version: '1.4.2',
    databaseMode: mode,
    dev,
    onAbout: (box) => shown.push(box),
  });
  return { template, items: flatten(template), shown };
}

describe('buildMenuTemplate', () => {
  it.each(['win32', 'linux', 'darwin'] as const)('%s: no item opens a URL or mentions Electron', (platform) => {
    const { template, items } = build(platform, { kind: 'local' }, true);
    // Clicking every item with a handler must not try to open anything but the about box.
    for (const item of items) item.click?.();
    const text = JSON.stringify(template);
    expect(text).not.toMatch(/https?:|www\.|electron/i);
    expect(
      items.some(
        (item) => item.role === undefined && item.click === undefined && !item.submenu && item.type !== 'separator',
      ),
    ).toBe(false);
  });

  it('About shows the version and the database mode, read when chosen', () => {
    let mode: DatabaseMode = { kind: 'local' };
    const { items, shown } = build('win32', () => mode);
    const about = items.find((item) => item.id === ABOUT_ITEM_ID);
    expect(about?.label).toBe('About Clinic desk');
    about?.click?.();
    mode = { kind: 'server', host: 'clinic-server.lan' };
    about?.click?.();
    expect(shown).toEqual([
      { title: 'About Clinic desk', message: 'Clinic desk 1.4.2', detail: 'Database: This computer only' },
      { title: 'About Clinic desk', message: 'Clinic desk 1.4.2', detail: 'Database: Clinic server clinic-server.lan' },
    ]);
  });

  it('has the edit and zoom roles; reload and developer tools only in development', () => {
    const roles = (dev: boolean) => build('win32', { kind: 'local' }, dev).items.map((item) => item.role);
    expect(roles(false)).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
      ]),
    );
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('macOS has the app menu first; Windows and Linux do not', () => {
    const mac = build('darwin').template;
    expect(mac[0]?.label).toBe('Clinic desk');
    expect(mac[0]?.submenu?.map((item) => item.role)).toEqual(expect.arrayContaining(['hide', 'quit']));
    for (const platform of ['win32', 'linux'] as const) {
      const labels = build(platform).template.map((item) => item.label);
      expect(labels).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      expect(flatten(build(platform).template).some((item) => item.role === 'hide')).toBe(false);
    }
  });

  it('offers Export diagnostics in Help only when given', () => {
    const calls: string[] = [];
    const template = buildMenuTemplate({
      platform: 'linux',
      appName: 'Clinic desk',
      version: '1.0.0',
      databaseMode: { kind: 'local' },
      onAbout: () => undefined,
      onExportDiagnostics: () => calls.push('export'),
    });
    flatten(template)
      .find((item) => item.id === 'export-diagnostics')
      ?.click?.();
    expect(calls).toEqual(['export']);
    expect(flatten(build('linux').template).some((item) => item.id === 'export-diagnostics')).toBe(false);
  });

  it('tells the mode from the core server URL without its password', () => {
    expect(databaseModeOf(null)).toEqual({ kind: 'local' });
    expect(databaseModeOf('postgres://desk:s3cret@10.0.0.5:5432/clinic')).toEqual({ kind: 'server', host: '10.0.0.5' });
  });
});
