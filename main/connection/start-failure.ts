import { AppError, isServerUnreachable } from '../services/core/errors.ts';
import { MigrationFailedError, ServerNewerError, UpgradeNeedsConfirmationError } from './version-gate.ts';

// Why the app core did not start, told apart: only a failed connection is "unreachable" (and
// worth a retry); a refused sign-in, an outdated PC, a held upgrade or a failed migration are
// said as what they are, and the real cause is kept for the log.

export type StartFailureKind =
  'unreachable' | 'auth' | 'app-outdated' | 'needs-confirmation' | 'invalid-confirmation' | 'migration' | 'other';

/** A start that failed: a sentence for the start-up screen, the kind, and the real cause. */
export class StartupError extends Error {
  readonly kind: StartFailureKind;

  constructor(kind: StartFailureKind, message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'StartupError';
    this.kind = kind;
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';

/** PostgreSQL refused the database user (wrong password, not allowed from here, no such database). */
function isRefusedSignIn(error: unknown): boolean {
  const code = codeOf(error);
  return code === '28P01' || code === '28000' || code === '3D000';
}

export function startFailureKind(error: unknown): StartFailureKind {
  if (error instanceof StartupError) return error.kind;
  if (error instanceof ServerNewerError) return 'app-outdated';
  if (error instanceof UpgradeNeedsConfirmationError) return 'needs-confirmation';
  if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') return 'invalid-confirmation';
  if (error instanceof MigrationFailedError) return 'migration';
  if (isServerUnreachable(error)) return 'unreachable';
  if (isRefusedSignIn(error)) return 'auth';
  return 'other';
}

/** The failure as a StartupError (the typed version errors keep their own sentence). */
export function toStartupError(error: unknown, where: string | null): StartupError {
  if (error instanceof StartupError) return error;
  const kind = startFailureKind(error);
  const server = where ? `The clinic server (${where})` : 'The clinic server';
  const messages: Record<StartFailureKind, string> = {
    unreachable: `${server} cannot be reached. Check the network and that the server is running.`,
    auth: `${server} refused this PC’s database user or password, or has no such database. Ask whoever runs the server to check them.`,
    'app-outdated': error instanceof Error ? error.message : '',
    'needs-confirmation': error instanceof Error ? error.message : '',
    'invalid-confirmation': error instanceof Error ? error.message : '',
    migration: error instanceof Error ? error.message : '',
    other: where
      ? `Clinic desk could not open the data on ${server.replace(/^The /, 'the ')}. The log names the cause; ask the administrator.`
      : 'The clinic database could not be opened. Close any other copy of Clinic desk and try again; if it keeps happening, ask the administrator.',
  };
  return new StartupError(kind, messages[kind], error);
}

/** Hides a password in a postgres:// URL that a driver message may repeat. */
const redact = (text: string): string => text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@');

/** The cause chain as plain data for the log: name, code and message of each error. */
export function describeCause(error: unknown): Record<string, string>[] {
  const chain: Record<string, string>[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 5) {
    if (current instanceof Error) {
      const code = codeOf(current);
      chain.push({ name: current.name, ...(code ? { code } : {}), message: redact(current.message) });
      current = current.cause;
    } else {
      chain.push({ name: typeof current, message: redact(String(current)) });
      current = undefined;
    }
  }
  return chain;
}
