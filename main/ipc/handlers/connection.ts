import type { HandlerMap } from '../handler-types.ts';

type ConnectionChannels = 'setup.database' | 'setup.testServer' | 'setup.useServer' | 'setup.useLocal';

// Where the clinic's data lives (main/connection/control.ts decides who may ask).
export const connectionHandlers: HandlerMap<ConnectionChannels> = {
  'setup.database': (_input, { connection }) => connection.status(),
  'setup.testServer': (input, { connection }) => connection.test(input),
  'setup.useServer': (input, { connection }) => connection.use(input),
  'setup.useLocal': (_input, { connection }) => connection.useLocal(),
};
