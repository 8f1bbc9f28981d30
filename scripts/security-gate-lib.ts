import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The parts of the security gate that need no scanner: reading Electronegativity's findings,
// our own checks for what it under-rates, and the verdict. Tested with a fixture.

export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  description: string;
}

/** An Electronegativity issue as its programmatic API returns it (only what we read). */
export interface RawIssue {
  id?: unknown;
  file?: unknown;
  location?: { line?: unknown } | undefined;
  severity?: { name?: unknown } | undefined;
  confidence?: { name?: unknown } | undefined;
  description?: unknown;
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

export function toFindings(issues: readonly RawIssue[]): Finding[] {
  return issues.map((issue) => ({
    id: text(issue.id, 'UNKNOWN'),
    severity: text(issue.severity?.name, 'UNKNOWN').toUpperCase(),
    confidence: text(issue.confidence?.name, 'UNKNOWN').toUpperCase(),
    file: text(issue.file),
    line: typeof issue.location?.line === 'number' ? issue.location.line : 0,
    description: text(issue.description),
  }));
}

/**
 * Lower findings we accept, each with its reason (also listed in the README's security
 * section). A finding not listed here fails the gate only when it is HIGH.
 */
export const ACCEPTED: Readonly<Record<string, string>> = {
  CSP_GLOBAL_CHECK:
    "LOW: style-src allows 'unsafe-inline' because Mantine injects its styles at run time; scripts are 'self' only, no eval, no remote sources (asserted in electron-security.test.ts).",
  AUXCLICK_JS_CHECK:
    'MEDIUM: a middle-click cannot open anything: setWindowOpenHandler denies every new window and will-navigate denies leaving app:// (electron-window.test.ts).',
  ELECTRON_VERSION_JSON_CHECK: 'INFORMATIONAL: only reports which Electron version package.json pins.',
};

/** Options that must never be on (or off) in any source file; Electronegativity rates some too low. */
const DANGEROUS: readonly { pattern: RegExp; message: string }[] = [
  { pattern: /nodeIntegration\s*:\s*true/, message: 'nodeIntegration: true gives web content Node.js.' },
  { pattern: /nodeIntegrationInWorker\s*:\s*true/, message: 'nodeIntegrationInWorker: true gives workers Node.js.' },
  { pattern: /nodeIntegrationInSubFrames\s*:\s*true/, message: 'nodeIntegrationInSubFrames: true.' },
  { pattern: /contextIsolation\s*:\s*false/, message: 'contextIsolation: false exposes the preload to the page.' },
  { pattern: /sandbox\s*:\s*false/, message: 'sandbox: false turns the renderer sandbox off.' },
  { pattern: /webSecurity\s*:\s*false/, message: 'webSecurity: false turns the same-origin policy off.' },
  { pattern: /allowRunningInsecureContent\s*:\s*true/, message: 'allowRunningInsecureContent: true.' },
  { pattern: /webviewTag\s*:\s*true/, message: 'webviewTag: true allows <webview>.' },
  { pattern: /enableRemoteModule\s*:\s*true/, message: 'enableRemoteModule: true.' },
];

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|cjs|mjs)$/.test(name)) found.push(path);
  }
  return found;
}

/** Our own scan of the app's sources for options that must never be set, as HIGH findings. */
export function dangerousOptionFindings(root: string, dirs: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (line.trimStart().startsWith('//') || line.trimStart().startsWith('*')) return;
        for (const { pattern, message } of DANGEROUS) {
          if (pattern.test(line)) {
            findings.push({
              id: 'CLINIC_DANGEROUS_OPTION',
              severity: 'HIGH',
              confidence: 'CERTAIN',
              file: relative(root, file),
              line: index + 1,
              description: message,
            });
          }
        }
      });
    }
  }
  return findings;
}

export interface Verdict {
  failed: Finding[];
  accepted: Finding[];
  other: Finding[];
}

/** HIGH fails unless... never: a HIGH finding always fails. Lower ones are accepted or reported. */
export function judge(findings: readonly Finding[]): Verdict {
  const failed = findings.filter((f) => f.severity === 'HIGH');
  const rest = findings.filter((f) => f.severity !== 'HIGH');
  return {
    failed,
    accepted: rest.filter((f) => Object.hasOwn(ACCEPTED, f.id)),
    other: rest.filter((f) => !Object.hasOwn(ACCEPTED, f.id)),
  };
}

export function formatFinding(f: Finding): string {
  return `${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line} ${f.description}`.trimEnd();
}
