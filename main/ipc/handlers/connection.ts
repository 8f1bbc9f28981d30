import { AppError } from '../../services/core/errors.ts';
import type { HandlerMap } from '../handler-types.ts';

type ConnectionChannels =
  | 'setup.database'
  | 'setup.testServer'
  | 'setup.useServer'
  | 'setup.useLocal'
  | 'setup.upgradeHold'
  | 'setup.confirmUpgrade'
  | 'setup.keyHold'
  | 'setup.enterKey';

// Where the clinic's data lives (main/connection/control.ts decides who may ask).
export const connectionHandlers: HandlerMap<ConnectionChannels> = {
  'setup.database': (_input, { connection }) => connection.status(),
  'setup.testServer': (input, { connection }) => connection.test(input),
  'setup.useServer': (input, { connection }) => connection.use(input),
  'setup.useLocal': (_input, { connection }) => connection.useLocal(),
  // A started app has its key and is past the version gate; a held start answers these
  // (connection/start-hold.ts).
  'setup.keyHold': () => Promise.resolve(null),
  'setup.enterKey': () =>
    Promise.reject(new AppError('CONFLICT', "Clinic desk has already started: the clinic's data is open.")),
  'setup.upgradeHold': () => Promise.resolve(null),
  'setup.confirmUpgrade': () =>
    Promise.reject(new AppError('CONFLICT', 'Clinic desk has already started: there is no server update to confirm.')),
};
