import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The integration tests again on PostgreSQL, when a server is given (scripts/pg-cluster.ts
// starts a throwaway one; `npm test` does). Left out here, with why:
// - write-tx: BEGIN IMMEDIATE between processes on one SQLite file;
// - migrations, schema-constraints, messages-db: SQLite's pragmas and error texts on a raw
//   file (pg-schema.test.ts checks the same rules on PostgreSQL);
// - cli, cli-input, cli-revocation, seed: these run the CLI on a SQLite file (the seed and
//   call on a server are in pg-cli-seed.test.ts);
// - logging: the log file of an app core on a SQLite file (the logger is the same in both modes);
// - backup, backup-restore: file backups of the SQLite database; in server mode the server's
//   own backups apply and the app says so.
// - encryption-*: encryption at rest of the SQLite file (PostgreSQL relies on the server's disk).
const SQLITE_ONLY = [
  'write-tx',
  'migrations',
  'schema-constraints',
  'messages-db',
  'cli',
  'cli-input',
  'cli-revocation',
  'seed',
  'backup',
  'backup-restore',
  'logging',
  'encryption-at-rest',
  'encryption-cli',
  'encryption-desktop-key',
  'encryption-kill',
  'encryption-web-shell',
].map((name) => `tests/integration/${name}.test.ts`);
const postgresProject = {
  test: {
    name: 'integration-pg',
    environment: 'node',
    include: ['tests/integration/**/*.test.ts'],
    exclude: SQLITE_ONLY,
    // The random-input fuzz runs fewer cases here: its depth is in the SQLite run; here it
    // checks that every channel answers the same way on PostgreSQL.
    env: { CLINIC_TEST_DIALECT: 'postgres', FUZZ_RUNS: process.env.FUZZ_RUNS ?? '15' },
    pool: 'forks' as const,
    // Slower than SQLite: each test gets its own database, and the tests' raw reads go
    // through a worker thread; the concurrency test starts eight processes.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      ...(process.env.CLINIC_TEST_PG_URL ? [postgresProject] : []),
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          // PostgreSQL-only tests run in the integration-pg project.
          exclude: ['tests/integration/pg-*.test.ts'],
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['tests/components/**/*.test.tsx'],
          setupFiles: ['tests/components/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
