import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.js, each shown failing on a deliberate violation (and the
// allowed form passing), so a change to the config that drops a rule fails here.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('a service domain reaches another only through its index.ts', async () => {
    const file = 'main/services/exports/lint-probe.ts';
    const deep = await restrictedImports(file, "export { requireDoctor } from '../schedule/schedule-access.ts';\n");
    expect(deep.join('\n')).toMatch(/only through its index\.ts/);
    expect(await restrictedImports(file, "export { requireDoctor } from '../schedule/index.ts';\n")).toEqual([]);
    expect(await restrictedImports(file, "export { writeAudit } from '../core/audit.ts';\n")).toEqual([]);
  });

  it('services never import Electron or the renderer', async () => {
    const file = 'main/services/payments/lint-probe.ts';
    expect(await restrictedImports(file, "export { app } from 'electron';\n")).toHaveLength(1);
  });

  it('the renderer reaches neither main nor the database', async () => {
    const file = 'renderer/src/lib/lint-probe.ts';
    expect(await restrictedImports(file, "export type { Database } from '#db/schema.ts';\n")).toHaveLength(1);
    expect(
      await restrictedImports(file, "export { createServices } from '../../../main/services/index.ts';\n"),
    ).toHaveLength(1);
    expect(await restrictedImports(file, "export { addDays } from '#shared/dates.ts';\n")).toEqual([]);
  });

  it('db sits below main and the preload knows only the contract', async () => {
    expect(
      await restrictedImports('db/lint-probe.ts', "export { createServices } from '../main/services/index.ts';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports('preload/lint-probe.ts', "export type { Database } from '#db/schema.ts';\n"),
    ).toHaveLength(1);
  });
});
