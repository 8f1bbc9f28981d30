import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startAppCore, type AppCore } from '../../main/app-core.ts';
import { silentLogger } from '../../main/services/core/logger.ts';
import { startWebServer, type WebServer } from '../../main/web/server.ts';

export interface Clinic {
  url: string;
  core: AppCore;
}

interface RunningClinic extends Clinic {
  stop(): Promise<void>;
}

async function startClinic(): Promise<RunningClinic> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-e2e-'));
  const core = await startAppCore({ dbFile: join(dir, 'clinic.sqlite'), logger: silentLogger });
  const rendererDir = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
  const server: WebServer = await startWebServer({ core, rendererDir });
  return {
    url: server.url,
    core,
    async stop() {
      await server.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One clinic per spec file, kept for the worker's life (one worker runs every file). */
export interface ClinicRegistry {
  for(specFile: string): Promise<Clinic>;
}

/**
 * `clinic`: a real web shell on a fresh SQLite file for each spec file, shared by that
 * file's tests. `beforeAll` hooks reach the same one with `clinics.for(testInfo.file)`.
 */
export const test = base.extend<{ clinic: Clinic }, { clinics: ClinicRegistry }>({
  clinics: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const started = new Map<string, Promise<RunningClinic>>();
      await use({
        for(specFile) {
          let clinic = started.get(specFile);
          if (!clinic) {
            clinic = startClinic();
            started.set(specFile, clinic);
          }
          return clinic;
        },
      });
      for (const clinic of started.values()) await (await clinic).stop();
    },
    { scope: 'worker' },
  ],
  clinic: async ({ clinics }, use, testInfo) => {
    await use(await clinics.for(testInfo.file));
  },
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
