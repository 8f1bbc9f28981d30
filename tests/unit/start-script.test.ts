import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { openInBrowser } from '../../main/web/open-browser.ts';
import { nodeVersionProblem, requiredMajor } from '../../scripts/check-node.mjs';
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
    expect(planStart(project, noOverride)).toEqual({
      mode: 'web',
      message: WEB_FALLBACK_MESSAGE,
      npmScripts: ['web'],
      webArgs: ['--open'],
    });
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
      'The Electron runtime is not installed on this computer, so Clinic desk opens in your default browser instead (web shell).',
    );
  });
});

describe('npm start: the Node version is checked first', () => {
  it('reads the major version from package.json engines', () => {
    expect(requiredMajor('>=24 <25')).toBe(24);
    expect(requiredMajor(undefined)).toBeNull();
  });

  it('says plainly how to get Node 24 on an older Node, and nothing on Node 24', () => {
    const problem = nodeVersionProblem('v20.20.2', '>=24 <25');
    expect(problem).toContain('Clinic desk needs Node.js 24; this computer runs Node.js v20.20.2.');
    expect(problem).toContain('nvm install 24');
    expect(nodeVersionProblem('v24.3.0', '>=24 <25')).toBeNull();
  });

  it('runs before the .ts scripts in start, web and test', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['start', 'web', 'test']) expect(scripts[name]).toMatch(/^node scripts\/check-node\.mjs && /);
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'check-node.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
  });
});

describe('npm start: the web shell opens the default browser', () => {
  it('opens the address and says so', async () => {
    const opened: string[] = [];
    const said: string[] = [];
    const ok = await openInBrowser(
      'http://127.0.0.1:5417/',
      async (url) => opened.push(url),
      (line) => said.push(line),
    );
    expect(ok).toBe(true);
    expect(opened).toEqual(['http://127.0.0.1:5417/']);
    expect(said).toEqual(['Opened it in your default browser.']);
  });

  it('without a browser, tells how to open it by hand instead of failing', async () => {
    const said: string[] = [];
    const ok = await openInBrowser(
      'http://127.0.0.1:5417/',
      () => Promise.reject(new Error('no xdg-open')),
      (line) => said.push(line),
    );
    expect(ok).toBe(false);
    expect(said).toEqual(['Could not open a browser here: open http://127.0.0.1:5417/ yourself.']);
  });
});
