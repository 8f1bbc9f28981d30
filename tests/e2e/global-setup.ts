import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Builds the renderer once before the e2e run; the fixtures serve it from out/renderer. */
export default function globalSetup(): void {
  const root = resolve(import.meta.dirname, '..', '..');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:renderer'], {
    cwd: root,
    stdio: 'inherit',
  });
}
