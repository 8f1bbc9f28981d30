import { readFileSync } from 'node:fs';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

// electron-builder flips these fuses in the packaged binary (`electronFuses` in
// electron-builder.yml). Read the config as text and check each fuse's value.

const config = readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8');

/** The flat `key: true|false` mapping under a top-level key (comments ignored). */
function block(yaml: string, key: string): Record<string, boolean> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === `${key}:`);
  if (start < 0) return {};
  const values: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const match = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (match?.[1] && match[2]) values[match[1]] = match[2] === 'true';
  }
  return values;
}

const fuses = block(config, 'electronFuses');

describe('Electron fuses in electron-builder.yml', () => {
  it.each([
    ['runAsNode', false, FuseV1Options.RunAsNode],
    ['enableNodeOptionsEnvironmentVariable', false, FuseV1Options.EnableNodeOptionsEnvironmentVariable],
    ['enableNodeCliInspectArguments', false, FuseV1Options.EnableNodeCliInspectArguments],
    ['enableEmbeddedAsarIntegrityValidation', true, FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
    ['onlyLoadAppFromAsar', true, FuseV1Options.OnlyLoadAppFromAsar],
    ['enableCookieEncryption', true, FuseV1Options.EnableCookieEncryption],
    ['grantFileProtocolExtraPrivileges', false, FuseV1Options.GrantFileProtocolExtraPrivileges],
  ] as const)('%s is %s (a real @electron/fuses option)', (name, expected, option) => {
    expect(typeof option).toBe('number');
    expect(fuses[name]).toBe(expected);
  });

  it('packs the app into an asar archive, which the integrity fuse checks', () => {
    expect(config).toMatch(/^asar: true$/m);
  });

  it('reads a changed value (the parser is not blind)', () => {
    expect(block('electronFuses:\n  runAsNode: true\nother: 1\n', 'electronFuses')).toEqual({ runAsNode: true });
  });
});
