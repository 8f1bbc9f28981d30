import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findPgBin } from './pg-cluster.ts';

// `npm test`: typecheck, lint, unit + integration + component tests (vitest), the integration
// tests again on a throwaway PostgreSQL cluster (when PostgreSQL is installed), then e2e in
// Chromium (Playwright on the web shell). Every step runs even if an earlier one failed, so
// one run shows everything; the last line is "N passed, N failed" over all of them
// (typecheck and lint count as one check each).

const root = resolve(import.meta.dirname, '..');
const reports = join(root, '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const summary: string[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n▶ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function record(step: string, tally: Tally): void {
  total.passed += tally.passed;
  total.failed += tally.failed;
  summary.push(`${step.padEnd(12)} ${tally.passed} passed, ${tally.failed} failed`);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const typecheck = run(npx, ['tsc', '--build']);
record('typecheck', typecheck === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

const lint = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'lint']);
record('lint', lint === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

// Electronegativity over the app; fails on any HIGH finding (scripts/security-gate.ts).
const security = run(process.execPath, ['scripts/security-gate.ts']);
record('security', security === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

const vitestFile = join(reports, 'vitest.json');
const vitestCode = run(npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestFile}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestFile);
// A crash before the report is written counts as one failure, never as success.
record(
  'vitest',
  vitest
    ? {
        passed: vitest.numPassedTests,
        failed: vitest.numFailedTests + (vitestCode !== 0 && vitest.numFailedTests === 0 ? 1 : 0),
      }
    : { passed: 0, failed: 1 },
);

// The integration tests again on PostgreSQL, on a throwaway cluster (scripts/pg-cluster.ts)
// started for this step and deleted after it. Without PostgreSQL 15+ installed it is left out
// and says so (.ci/run installs it).
if (findPgBin()) {
  const pgFile = join(reports, 'vitest-pg.json');
  const pgCode = run(process.execPath, [
    'scripts/pg-cluster.ts',
    npx,
    'vitest',
    'run',
    '--project',
    'integration-pg',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${pgFile}`,
  ]);
  const pgRun = readJson<{ numPassedTests: number; numFailedTests: number }>(pgFile);
  record(
    'postgres',
    pgRun
      ? {
          passed: pgRun.numPassedTests,
          failed: pgRun.numFailedTests + (pgCode !== 0 && pgRun.numFailedTests === 0 ? 1 : 0),
        }
      : { passed: 0, failed: 1 },
  );
} else {
  console.log('\nPostgreSQL 15 or newer is not installed: the PostgreSQL integration run is left out.');
  summary.push(`${'postgres'.padEnd(12)} not run (PostgreSQL 15+ not installed)`);
}

const playwrightFile = join(reports, 'playwright.json');
const e2eCode = run(npx, ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile,
});
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightFile);
record(
  'e2e',
  e2e
    ? {
        passed: e2e.stats.expected + e2e.stats.flaky,
        failed: e2e.stats.unexpected + (e2eCode !== 0 && e2e.stats.unexpected === 0 ? 1 : 0),
      }
    : { passed: 0, failed: 1 },
);

console.log(`\n${summary.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
