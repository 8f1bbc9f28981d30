import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pngSize, readIcns, readIco } from '../../scripts/icon-formats.ts';

// electron-builder.yml as a clinic's installer needs it: icons for the three systems (real
// files of the right kind and sizes), signing and notarisation left to environment variables
// (no certificate or password in the file), the Windows "for all users" choice, and the
// update feed file written beside the installer.

interface BuilderConfig {
  linux: { icon: string };
  win: { icon: string; signtoolOptions: { signingHashAlgorithms: string[]; rfc3161TimeStampServer: string } };
  nsis: { oneClick: boolean; perMachine: boolean; installerIcon: string };
  mac: { icon: string; hardenedRuntime: boolean; notarize: boolean };
  publish: { provider: string; url: string }[];
}

const root = resolve(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = parse(text) as BuilderConfig;
const file = (path: string): Buffer => readFileSync(join(root, path));

describe('electron-builder.yml', () => {
  it('gives each system an icon of its own format, made from build/icon.svg', () => {
    expect(pngSize(file(config.linux.icon))).toEqual({ width: 1024, height: 1024 });
    expect(readIco(file(config.win.icon)).map((i) => i.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(config.nsis.installerIcon).toBe(config.win.icon);
    expect(readIcns(file(config.mac.icon))).toEqual([
      { type: 'ic07', width: 128 },
      { type: 'ic08', width: 256 },
      { type: 'ic09', width: 512 },
      { type: 'ic10', width: 1024 },
    ]);
  });

  it('signs and notarises from environment variables only', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    expect(config.win.signtoolOptions.rfc3161TimeStampServer).toMatch(/^https?:\/\//);
    // The variables electron-builder reads are named for whoever builds a release...
    for (const variable of ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'CSC_LINK', 'APPLE_API_KEY', 'APPLE_API_ISSUER']) {
      expect(text).toContain(variable);
    }
    // ...and no certificate, identity or password is written in the file.
    expect(text).not.toMatch(/^\s*(certificateFile|certificatePassword|certificateSha1|identity|password)\s*:/m);
  });

  it('lets the Windows installer install for all users (or only the current one)', () => {
    // oneClick false with perMachine false is electron-builder's install-mode page (the choice).
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('writes the update feed (latest.yml) beside the installer', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });
});
