// Runs before anything else in `npm start`, `npm run web` and `npm test`. Written as plain
// JavaScript on purpose: on an older Node the project's .ts scripts fail with a stack trace
// before they can say what is wrong, so this file must run on any Node.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The major version named by package.json "engines.node" (">=24 <25" → 24). */
export function requiredMajor(enginesRange) {
  const match = /(\d+)/.exec(enginesRange ?? '');
  return match ? Number(match[1]) : null;
}

/** A plain sentence when this Node cannot run the project, or null when it can. */
export function nodeVersionProblem(runningVersion, enginesRange) {
  const required = requiredMajor(enginesRange);
  const running = Number(/^v?(\d+)/.exec(runningVersion)?.[1]);
  if (required === null || running === required) return null;
  return [
    `Clinic desk needs Node.js ${required}; this computer runs Node.js ${runningVersion}.`,
    `Install Node.js ${required} LTS from https://nodejs.org (or, with nvm: "nvm install ${required}"`,
    `then "nvm use", which reads .nvmrc), then run the command again.`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const problem = nodeVersionProblem(process.version, packageJson.engines?.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
