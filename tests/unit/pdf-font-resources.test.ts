import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { copyDir } from 'builder-util';
import { afterEach, describe, expect, it } from 'vitest';
import { fontRoot, pdfFontFiles } from '../../main/pdf/fonts.ts';

// The packaged app reads its PDF fonts from resources/fonts. Copy the fonts the way
// electron-builder does (its own extraResources matcher on electron-builder.yml) into a fake
// resources folder and check that fonts.ts finds every TTF it opens there, and nothing more ships.

const project = join(import.meta.dirname, '..', '..');
const process_ = process as { resourcesPath?: string };
let resources: string | null = null;
afterEach(() => {
  delete process_.resourcesPath;
  if (resources) rmSync(resources, { recursive: true, force: true });
  resources = null;
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('PDF fonts in the packaged app', () => {
  it('electron-builder ships exactly the regular and bold TTFs (and licences) that fonts.ts opens', async () => {
    resources = mkdtempSync(join(tmpdir(), 'clinic-resources-'));
    const config = await getConfig(project, join(project, 'electron-builder.yml'), null);
    const matchers = getFileMatchers(config, 'extraResources', resources, {
      macroExpander: (pattern) => pattern,
      customBuildOptions: {},
      globalOutDir: join(resources, 'out'),
      defaultSrc: project,
    });
    for (const m of matchers ?? []) await copyDir(m.from, m.to, { filter: m.createFilter() });

    process_.resourcesPath = resources;
    const root = fontRoot();
    expect(root).toBe(join(resources, 'fonts'));
    const shipped = listFiles(root);
    const ttfs = pdfFontFiles(root).map((file) => relative(root, file));
    expect(shipped.filter((f) => f.endsWith('.ttf')).sort()).toEqual([...ttfs].sort());
    expect(shipped.filter((f) => f.endsWith('LICENSE_FONT'))).toHaveLength(
      new Set(ttfs.map((f) => f.split(/[\\/]/)[0])).size,
    );
  });

  it('dev and tests read the same files from node_modules', () => {
    const root = fontRoot();
    expect(root).toBe(join(project, 'node_modules', '@expo-google-fonts'));
  });
});
