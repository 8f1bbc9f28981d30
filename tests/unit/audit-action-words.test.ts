import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES } from '#shared/statuses.ts';

// The audit viewer speaks in words, not codes: every action code main writes has its words in
// the viewer's strings (read as text: the renderer's modules are not part of main's build).

const WORDS_FILE = join('renderer', 'src', 'features', 'admin', 'audit', 'strings.ts');
const codesWithWords = new Set(
  [...readFileSync(WORDS_FILE, 'utf8').matchAll(/^\s+'([a-z]+\.[a-z_]+)': '[^']+',$/gm)].map((m) => m[1]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The action codes written as literals by files that write audit rows. */
function literalActions(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles('main')) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('writeAudit(') || file.endsWith(join('core', 'audit.ts'))) continue;
    for (const line of text.split('\n')) {
      if (!/action|finish\(|audited\(/.test(line)) continue;
      for (const match of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) if (match[1]) codes.add(match[1]);
    }
  }
  return codes;
}

describe('audit action words', () => {
  it('cover every action code the app writes', () => {
    const literal = literalActions();
    expect(literal.size).toBeGreaterThan(40);
    // Codes built from a value: a status step, and removing leave or extra hours.
    const built = [
      ...APPOINTMENT_STATUSES.filter((s) => s !== 'scheduled').map((s) => `appointment.${s}`),
      'leave.delete',
      'extra.delete',
    ];
    expect(codesWithWords.size).toBeGreaterThan(40);
    const missing = [...literal, ...built].filter((code) => !codesWithWords.has(code));
    expect(missing).toEqual([]);
  });
});
