import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installCrashHandlers } from '../../main/logging/crash-handlers.ts';
import { recordingLogger } from '../support/recording-logger.ts';

// What nothing else caught reaches the log with its stack; the entry decides about exiting.

function setUp(onUncaughtException?: (error: Error) => void) {
  const emitter = new EventEmitter();
  const events: string[] = [];
  const logger = Object.assign(recordingLogger(), { flush: () => events.push('flush') });
  installCrashHandlers(emitter, logger, onUncaughtException ? { onUncaughtException } : {});
  return { emitter, logger, events };
}

describe('installCrashHandlers', () => {
  it('logs an uncaught exception with its stack, flushes, then hands it to the entry', () => {
    const { emitter, logger, events } = setUp((error) => events.push(`exit:${error.message}`));
    emitter.emit('uncaughtException', new TypeError('boom in a timer'), 'uncaughtException');
    expect(logger.entries).toHaveLength(1);
    expect(logger.entries[0]).toMatchObject({
      level: 'error',
      message: 'Uncaught exception',
      details: { origin: 'uncaughtException', error: { type: 'TypeError', message: 'boom in a timer' } },
    });
    expect(JSON.stringify(logger.entries[0]?.details)).toMatch(/TypeError: boom in a timer\\n\s+at /);
    expect(events).toEqual(['flush', 'exit:boom in a timer']);
  });

  it('logs an unhandled rejection, an Error with its stack or any other reason as text, and keeps running', () => {
    const { emitter, logger, events } = setUp(() => events.push('exit'));
    emitter.emit('unhandledRejection', new RangeError('lost promise'));
    emitter.emit('unhandledRejection', 'just a string');
    expect(logger.entries.map((e) => e.message)).toEqual([
      'Unhandled promise rejection',
      'Unhandled promise rejection',
    ]);
    expect(logger.entries[0]?.details).toMatchObject({ error: { type: 'RangeError', message: 'lost promise' } });
    expect(String((logger.entries[0]?.details?.error as { stack?: string }).stack)).toMatch(/\n\s+at /);
    expect(logger.entries[1]?.details).toEqual({ error: { type: 'string', message: 'just a string' } });
    expect(events).toEqual([]);
  });

  it('without an exit decision only logs an uncaught exception', () => {
    const { emitter, logger, events } = setUp();
    emitter.emit('uncaughtException', new Error('quiet'), 'uncaughtException');
    expect(logger.entries).toHaveLength(1);
    expect(events).toEqual(['flush']);
  });
});
