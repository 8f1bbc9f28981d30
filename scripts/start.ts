import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: opens the desktop app when the Electron runtime is installed, otherwise the
 * web shell in the browser. Never `require('electron')` here: in plain Node that starts a
 * download of the binary. The decision is `planStart`, a pure function tested on a temp folder.
 */

export const WEB_FALLBACK_MESSAGE =
  'The Electron runtime is not installed on this computer, so Clinic desk opens in your default browser instead (web shell).';

/** The Electron executable named by node_modules/electron/path.txt, if that file really exists. */
export function findElectronExecutable(projectDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(projectDir, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const named = readFileSync(pathFile, 'utf8').trim();
  if (!named) return null;
  const distDir = resolve(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'));
  const executable = resolve(distDir, named);
  const inside = relative(distDir, executable);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return null;
  return statSync(executable, { throwIfNoEntry: false })?.isFile() ? executable : null;
}

export type StartPlan =
  | {
      mode: 'electron';
      electronPath: string;
      npmScripts: readonly string[];
      launch: { command: string; args: readonly string[] };
    }
  | { mode: 'web'; message: string; npmScripts: readonly string[]; webArgs: readonly string[] };

export function planStart(projectDir: string, env: NodeJS.ProcessEnv = process.env): StartPlan {
  const electronPath = findElectronExecutable(projectDir, env);
  if (electronPath) {
    return {
      mode: 'electron',
      electronPath,
      npmScripts: ['build', 'rebuild:electron'],
      launch: { command: electronPath, args: [projectDir] },
    };
  }
  // --open: the web shell opens the default browser itself once it listens (main/web/serve.ts).
  return { mode: 'web', message: WEB_FALLBACK_MESSAGE, npmScripts: ['web'], webArgs: ['--open'] };
}

/** `npm run <script>`, through the npm that runs us when there is one (works on Windows too). */
function runNpmScript(script: string, cwd: string, extraArgs: readonly string[] = []): number {
  const npmArgs = ['run', script, ...(extraArgs.length ? ['--', ...extraArgs] : [])];
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, ...npmArgs], { cwd, stdio: 'inherit' })
    : spawnSync('npm', npmArgs, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

function main(): void {
  const projectDir = fileURLToPath(new URL('..', import.meta.url));
  const plan = planStart(projectDir);
  if (plan.mode === 'web') console.log(plan.message);
  for (const script of plan.npmScripts) {
    const status = runNpmScript(script, projectDir, plan.mode === 'web' ? plan.webArgs : []);
    if (status !== 0) process.exit(status);
  }
  if (plan.mode !== 'electron') return;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(plan.launch.command, [...plan.launch.args], { cwd: projectDir, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
