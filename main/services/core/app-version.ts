import packageJson from '../../../package.json' with { type: 'json' };

/** This build's version (package.json; bundled into the Electron main by Vite). */
export const APP_VERSION: string = packageJson.version;

const parts = (version: string): { core: number[]; pre: string } => {
  const [main = '', pre = ''] = version.trim().replace(/^v/, '').split('-', 2);
  return { core: main.split('.').map((p) => Number.parseInt(p, 10) || 0), pre };
};

/** Compares two semantic versions: negative when a is older, 0 when equal, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.core.length, y.core.length, 3); i++) {
    const diff = (x.core[i] ?? 0) - (y.core[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  // 2.0.0-beta.1 is older than 2.0.0.
  if (x.pre === y.pre) return 0;
  if (x.pre === '') return 1;
  if (y.pre === '') return -1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true }) < 0 ? -1 : 1;
}
