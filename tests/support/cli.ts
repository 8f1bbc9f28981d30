import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../main/cli/index.ts', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real admin CLI in a child process; CLINIC_PASSWORD and CLINIC_DB_KEY (an encrypted
 * clinic's key or recovery words) are set only when given.
 */
export function runCli(args: string[], password?: string, dbKey?: string | null): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CLINIC_PASSWORD;
  delete env.CLINIC_DB_KEY;
  if (password !== undefined) env.CLINIC_PASSWORD = password;
  if (dbKey != null) env.CLINIC_DB_KEY = dbKey;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
