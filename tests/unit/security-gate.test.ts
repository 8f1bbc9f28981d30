import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACCEPTED,
  dangerousOptionFindings,
  judge,
  toFindings,
  type RawIssue,
} from '../../scripts/security-gate-lib.ts';

// A fixture shaped like Electronegativity 1.10.3's programmatic result (`{ issues }`).
const FIXTURE: RawIssue[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main/shell/window.ts',
    location: { line: 20 },
    severity: { name: 'HIGH' },
    confidence: { name: 'FIRM' },
    description: 'Review the use of the contextIsolation option',
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    location: { line: 5 },
    severity: { name: 'LOW' },
    confidence: { name: 'CERTAIN' },
    description: 'One or more CSP directives detected seems to be vulnerable',
  },
  {
    id: 'SOMETHING_NEW_CHECK',
    file: 'main/x.ts',
    location: { line: 3 },
    severity: { name: 'MEDIUM' },
    confidence: { name: 'TENTATIVE' },
    description: 'New',
  },
  { id: 42, severity: {} },
];

const dir = mkdtempSync(join(tmpdir(), 'clinic-gate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('security gate', () => {
  it('reads the scanner’s issues, tolerating missing fields', () => {
    const findings = toFindings(FIXTURE);
    expect(findings[0]).toEqual({
      id: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      confidence: 'FIRM',
      file: 'main/shell/window.ts',
      line: 20,
      description: 'Review the use of the contextIsolation option',
    });
    expect(findings[3]).toMatchObject({ id: 'UNKNOWN', severity: 'UNKNOWN', line: 0 });
  });

  it('fails on every HIGH finding; lower ones are accepted with a reason or listed for review', () => {
    const verdict = judge(toFindings(FIXTURE));
    expect(verdict.failed.map((f) => f.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    expect(verdict.accepted.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(verdict.other.map((f) => f.id)).toEqual(['SOMETHING_NEW_CHECK', 'UNKNOWN']);
    expect(judge(toFindings(FIXTURE.slice(1))).failed).toEqual([]);
    for (const reason of Object.values(ACCEPTED)) expect(reason.length).toBeGreaterThan(20);
  });

  it('treats nodeIntegration: true (rated only informational by the scanner) as HIGH itself', () => {
    mkdirSync(join(dir, 'main'), { recursive: true });
    writeFileSync(
      join(dir, 'main', 'bad.ts'),
      '// nodeIntegration: true in a comment is fine\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false } });\n',
    );
    const findings = dangerousOptionFindings(dir, ['main']);
    expect(findings.map((f) => [f.file, f.line, f.severity])).toEqual([
      [join('main', 'bad.ts'), 2, 'HIGH'],
      [join('main', 'bad.ts'), 2, 'HIGH'],
    ]);
    expect(judge(findings).failed).toHaveLength(2);
  });

  it('finds no dangerous option in the app’s own main and preload code', () => {
    expect(dangerousOptionFindings(resolve(import.meta.dirname, '../..'), ['main', 'preload'])).toEqual([]);
  });
});
