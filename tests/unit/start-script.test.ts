import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronExecutable, planStart, WEB_FALLBACK_MESSAGE } from '../../scripts/start.ts';

describe('npm start: Electron or web shell', () => {
  let project: string;
  const electronDir = () => join(project, 'node_modules', 'electron');
  const noOverride: NodeJS.ProcessEnv = {};

  function installElectronPackage(pathTxt?: string): void {
    mkdirSync(electronDir(), { recursive: true });
    writeFileSync(join(electronDir(), 'package.json'), '{"name":"electron"}');
    if (pathTxt !== undefined) writeFileSync(join(electronDir(), 'path.txt'), pathTxt);
  }

  function installBinary(relative: string): string {
    const file = join(electronDir(), 'dist', relative);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return file;
  }

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'clinic-start-'));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('falls back to the web shell when electron is not installed at all', () => {
    expect(planStart(project, noOverride)).toEqual({ mode: 'web', message: WEB_FALLBACK_MESSAGE, npmScripts: ['web'] });
  });

  it('falls back when the package is there but its binary was never downloaded (no path.txt)', () => {
    installElectronPackage();
    expect(planStart(project, noOverride).mode).toBe('web');
  });

  it('falls back when path.txt names a file that is missing', () => {
    installElectronPackage('electron');
    expect(findElectronExecutable(project, noOverride)).toBeNull();
    expect(planStart(project, noOverride).mode).toBe('web');
  });

  it('falls back when path.txt is empty or points outside dist', () => {
    installElectronPackage('');
    expect(planStart(project, noOverride).mode).toBe('web');
    writeFileSync(join(project, 'evil'), 'x');
    installElectronPackage('../../../evil');
    expect(planStart(project, noOverride).mode).toBe('web');
  });

  it('builds, rebuilds natives and launches Electron on the project when the binary exists', () => {
    installElectronPackage('electron\n');
    const binary = installBinary('electron');
    expect(planStart(project, noOverride)).toEqual({
      mode: 'electron',
      electronPath: binary,
      npmScripts: ['build', 'rebuild:electron'],
      launch: { command: binary, args: [project] },
    });
  });

  it('finds the macOS app bundle binary', () => {
    installElectronPackage('Electron.app/Contents/MacOS/Electron');
    const binary = installBinary('Electron.app/Contents/MacOS/Electron');
    expect(findElectronExecutable(project, noOverride)).toBe(binary);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    installElectronPackage('electron');
    const custom = join(project, 'custom-dist');
    mkdirSync(custom);
    writeFileSync(join(custom, 'electron'), '');
    expect(findElectronExecutable(project, { ELECTRON_OVERRIDE_DIST_PATH: custom })).toBe(join(custom, 'electron'));
  });

  it('says why in one plain sentence', () => {
    expect(WEB_FALLBACK_MESSAGE).toBe(
      'The Electron runtime is not installed on this computer, so Clinic desk opens in your browser instead (web shell).',
    );
  });
});
