import type { Logger } from '../../main/services/core/logger.ts';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  details: Record<string, unknown> | undefined;
}

/** A Logger that keeps every entry, to assert what was logged (and what was not). */
export function recordingLogger(): Logger & { entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (message: string, details?: Record<string, unknown>): void => {
      entries.push({ level, message, details });
    };
  return {
    entries,
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    text: () => entries.map((e) => `${e.level} ${e.message} ${JSON.stringify(e.details ?? {})}`).join('\n'),
  };
}
