import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

// `dependencies` is exactly what the packaged app loads at run time: every package the desktop
// app's main process reaches from main/index.ts (bundled by Vite or left external), plus the
// font packages electron-builder copies as resources. Nothing else (no unused date-fns), and
// nothing main needs hidden in devDependencies (React renders the PDFs in main).

const root = resolve(import.meta.dirname, '..', '..');
const ALIASES: Record<string, string> = {
  '#contract/': 'preload/contract/',
  '#shared/': 'preload/shared/',
  '#db/': 'db/',
};
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function resolveLocal(from: string, specifier: string): string | null {
  const alias = Object.keys(ALIASES).find((prefix) => specifier.startsWith(prefix));
  const path = alias
    ? join(root, (ALIASES[alias] ?? '') + specifier.slice(alias.length))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!path) return null;
  return (
    [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')].find(
      (p) => existsSync(p) && p.match(/\.tsx?$|\.json$/),
    ) ?? path
  );
}

/** Package names imported (not as types) by the files reachable from an entry. */
function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file) || !/\.tsx?$/.test(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (builtins.has(specifier)) continue;
      const local = resolveLocal(file, specifier);
      if (local) queue.push(local);
      else
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''),
        );
    }
  }
  return packages;
}

describe('package.json dependencies', () => {
  it('are exactly what the desktop app loads at run time', () => {
    const reached = packagesReachedFrom(join(root, 'main', 'index.ts'));
    reached.delete('electron');
    const builder = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const fonts = Object.keys(packageJson.dependencies).filter((name) => name.startsWith('@expo-google-fonts/'));
    for (const font of fonts) expect(builder).toContain(font.replace('@expo-google-fonts/', ''));
    expect([...reached, ...fonts].sort()).toEqual(Object.keys(packageJson.dependencies).sort());
  });

  it('finds a package behind a dynamic import and ignores type-only imports', () => {
    const reached = packagesReachedFrom(join(root, 'main', 'index.ts'));
    expect(reached).toContain('pg');
    expect(reached).toContain('react');
    expect(reached).not.toContain('sonic-boom');
  });
});
