export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

const withDetails = (write: (...parts: unknown[]) => void) => (message: string, details?: Record<string, unknown>) =>
  details === undefined ? write(message) : write(message, details);

export const consoleLogger: Logger = {
  info: withDetails(console.info),
  warn: withDetails(console.warn),
  error: withDetails(console.error),
};

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
