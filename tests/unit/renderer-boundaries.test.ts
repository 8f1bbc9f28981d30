import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The renderer's feature rule of eslint.config.js (renderer/lint/feature-boundaries.js), shown
// failing on deliberate violations and passing on the allowed forms.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'renderer/feature-boundaries').map((m) => m.message);
}

describe('renderer feature boundaries', () => {
  it('a feature reaches another feature only through its index.ts, and its own files freely', async () => {
    const file = 'renderer/src/features/patients/lint-probe.ts';
    const deep = await boundaryErrors(file, "export { deskStrings } from '../front-desk/strings.ts';\n");
    expect(deep.join('\n')).toMatch(/'front-desk' only through its index\.ts/);
    const nested = 'renderer/src/features/admin/users/lint-probe.ts';
    expect(
      await boundaryErrors(nested, "export { calendarRoutes } from '../../calendar/calendar-routes.tsx';\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors(file, "export { deskStrings } from '../front-desk/index.ts';\n")).toEqual([]);
    expect(await boundaryErrors(file, "export { patientsStrings } from './strings.ts';\n")).toEqual([]);
    expect(await boundaryErrors(nested, "export { usersStrings } from '../settings/strings.ts';\n")).toEqual([]);
    expect(await boundaryErrors(file, "export { DialogButtons } from '../../ui/DialogButtons.tsx';\n")).toEqual([]);
  });

  it('app/ uses only the index.ts of a feature', async () => {
    const file = 'renderer/src/app/lint-probe.ts';
    expect(
      await boundaryErrors(file, "export { SetupScreen } from '../features/setup/SetupScreen.tsx';\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors(file, "export { SetupScreen } from '../features/setup/index.ts';\n")).toEqual([]);
  });

  it('ui/, lib/ and api/ import no feature at all', async () => {
    for (const layer of ['ui', 'lib', 'api']) {
      const errors = await boundaryErrors(
        `renderer/src/${layer}/lint-probe.ts`,
        "export { deskStrings } from '../features/front-desk/index.ts';\n",
      );
      expect(errors.join('\n')).toMatch(/sit below the features/);
    }
  });
});
