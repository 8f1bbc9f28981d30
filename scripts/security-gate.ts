import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { dangerousOptionFindings, formatFinding, judge, toFindings, type RawIssue } from './security-gate-lib.ts';

// `node scripts/security-gate.ts`: Electronegativity over the app (main, preload and the
// window's HTML, copied together so its global checks see the whole app), plus our own check
// for options it under-rates. Exits 1 on any HIGH finding.
// Offline-safe: its network module (`got`, used for translations and Electron's release list)
// is replaced by one that fails at once, and the Electron version is passed in.

const root = resolve(import.meta.dirname, '..');
const SCANNED = ['main', 'preload'];
const require = createRequire(import.meta.url);

function stubNetwork(): void {
  const scannerDir = resolve(root, 'node_modules', '@doyensec', 'electronegativity');
  const gotPath = require.resolve('got', { paths: [scannerDir] });
  const offline = (): Promise<never> => Promise.reject(new Error('offline: the security gate makes no network calls'));
  const got = Object.assign(offline, { head: offline, get: offline });
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: { __esModule: true, default: got },
  } as unknown as NodeJS.Module;
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Scanner = (options: Record<string, unknown>) => Promise<{ issues?: RawIssue[] } | undefined>;

/** The app's own code in one folder: the scanner skips nothing else but node_modules. */
function stage(): string {
  const dir = resolve(root, '.tmp', 'security-scan');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of SCANNED) cpSync(resolve(root, part), resolve(dir, part), { recursive: true });
  cpSync(resolve(root, 'renderer', 'index.html'), resolve(dir, 'renderer', 'index.html'));
  cpSync(resolve(root, 'package.json'), resolve(dir, 'package.json'));
  return dir;
}

async function scan(dir: string): Promise<RawIssue[]> {
  const loaded = require('@doyensec/electronegativity') as Scanner | { default: Scanner };
  const run = typeof loaded === 'function' ? loaded : loaded.default;
  const result = await run({
    input: dir,
    isRelative: true,
    electronVersionOverride: electronVersion(),
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  return result?.issues ?? [];
}

async function main(): Promise<number> {
  stubNetwork();
  // The scanner logs progress chatter to the console; keep our output to the verdict.
  const log = console.log;
  console.log = () => undefined;
  let issues: RawIssue[];
  try {
    issues = await scan(stage());
  } finally {
    console.log = log;
  }
  const verdict = judge([...toFindings(issues), ...dangerousOptionFindings(root, SCANNED)]);
  for (const f of verdict.accepted) console.log(`accepted  ${formatFinding(f)}`);
  for (const f of verdict.other) console.log(`review    ${formatFinding(f)}`);
  for (const f of verdict.failed) console.log(`FAIL      ${formatFinding(f)}`);
  const summary = `security gate: ${verdict.failed.length} high, ${verdict.accepted.length} accepted, ${verdict.other.length} to review`;
  console.log(summary);
  return verdict.failed.length > 0 ? 1 : 0;
}

process.exitCode = await main();
