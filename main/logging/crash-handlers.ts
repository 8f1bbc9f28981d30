import type { Logger } from '../services/core/logger.ts';
import { serializeError } from './redaction.ts';

/** The part of `process` the handlers use (tests pass an EventEmitter). */
export interface CrashSource {
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface CrashHandlerOptions {
  /**
   * Called after an uncaught exception is logged and flushed: the entry decides whether to
   * exit (the desktop app closes the database first). Not given: the exception is only logged.
   */
  onUncaughtException?: (error: Error) => void;
}

/**
 * Logs what nothing else caught, with the stack, to the app's log. Adding an uncaughtException
 * listener replaces Node's print-and-exit, so the entry's onUncaughtException owns the exit.
 */
export function installCrashHandlers(
  source: CrashSource,
  logger: Logger & { flush?(): void },
  options: CrashHandlerOptions = {},
): void {
  source.on('uncaughtException', (error, origin) => {
    logger.error('Uncaught exception', { origin, error: serializeError(error) });
    logger.flush?.();
    options.onUncaughtException?.(error);
  });
  source.on('unhandledRejection', (reason) => {
    logger.error('Unhandled promise rejection', { error: serializeError(reason) });
  });
}
