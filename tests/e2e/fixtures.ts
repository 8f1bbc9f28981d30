import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/logger.ts';
import { startWebServer, type WebServer } from '../../main/web/server.ts';

export interface Clinic {
  url: string;
  core: AppCore;
}

/** A real web shell on a fresh SQLite file for each test file (worker-scoped). */
export const test = base.extend<object, { clinic: Clinic }>({
  clinic: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'clinic-e2e-'));
      const core = await startAppCore({ dbFile: join(dir, 'clinic.sqlite'), logger: silentLogger });
      const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
      const server: WebServer = await startWebServer({ core, rendererDir });
      await use({ url: server.url, core });
      await server.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Collects uncaught page errors and console errors so tests can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
